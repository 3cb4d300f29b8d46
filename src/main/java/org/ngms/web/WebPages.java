package org.ngms.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The three screens (docs/web.md): the observer site at {@code /}, the operator's bidding screen at
 * {@code /operator/} and the regulator's console at {@code /regulator/}. Each is a static page with ES modules that
 * call the public API; the files themselves hold nothing private, so anyone may fetch them.
 */
@Configuration(proxyBeanMethods = false)
public class WebPages {

    private static final Resource OBSERVER = new ClassPathResource("static/index.html");
    private static final Resource OPERATOR = new ClassPathResource("static/operator/index.html");
    private static final Resource REGULATOR = new ClassPathResource("static/regulator/index.html");

    @Bean
    RouterFunction<ServerResponse> screens() {
        return RouterFunctions.route(GET("/"), request -> page(OBSERVER))
                .andRoute(GET("/observer/"), request -> ServerResponse.permanentRedirect(URI.create("/")).build())
                .andRoute(GET("/observer/index.html"), request -> ServerResponse.permanentRedirect(URI.create("/"))
                        .build())
                // the screens declare no icon; a browser asking anyway gets an empty answer, not an error
                .andRoute(GET("/favicon.ico"), request -> ServerResponse.noContent().build())
                .andRoute(GET("/operator/"), request -> page(OPERATOR))
                .andRoute(GET("/regulator/"), request -> page(REGULATOR));
    }

    private static reactor.core.publisher.Mono<ServerResponse> page(Resource html) {
        return ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache())
                .bodyValue(html);
    }
}
