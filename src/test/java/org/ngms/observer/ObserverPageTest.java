package org.ngms.observer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ngms.support.IntegrationTestBase;
import org.springframework.http.MediaType;

/**
 * The observer page is served to anyone, under the strict content security policy (no inline script), and reads only
 * routes that anonymous callers may read.
 */
class ObserverPageTest extends IntegrationTestBase {

    @Test
    void thePageIsPublicAndLoadsItsScriptFromTheServiceItself() {
        String html = anonymous.get().uri("/observer/index.html").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("default-src 'self'"))
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("<script src=\"observer.js\" defer></script>").doesNotContain("<script>");
        anonymous.get().uri("/observer/observer.css").exchange().expectStatus().isOk();
    }

    @Test
    void theScriptReadsOnlyRoutesThatAnonymousCallersMayRead() {
        String script = anonymous.get().uri("/observer/observer.js").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(script).doesNotContain("Authorization").doesNotContain("method:");

        Matcher routes = Pattern.compile("'(/api/v1/[^']*)'").matcher(script);
        int checked = 0;
        while (routes.find()) {
            String route = routes.group(1).endsWith("/") ? routes.group(1) + "00000000-0000-0000-0000-000000000000"
                    : routes.group(1);
            int status = anonymous.get().uri(route).exchange().returnResult(byte[].class).getStatus().value();
            assertThat(status).as("anonymous GET " + route).isNotIn(401, 403);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(3);
    }
}
