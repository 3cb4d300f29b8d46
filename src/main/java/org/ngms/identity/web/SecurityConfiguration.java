package org.ngms.identity.web;

import static org.ngms.identity.Role.OPERATOR;
import static org.ngms.identity.Role.REGULATOR;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.ngms.identity.SecurityEventType;
import org.ngms.identity.persistence.AccountStore;
import org.ngms.identity.app.SecurityEventLog;
import org.ngms.web.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

import reactor.core.publisher.Mono;

/**
 * Who may call what. Deny by default: every route the service serves has an explicit rule below, and anything else is
 * refused. Callers authenticate with {@code Authorization: Bearer <token>}; there are no sessions and no cookies.
 * The full matrix of routes, roles and outcomes is in docs/security.md and is checked by AuthorizationMatrixTest.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    private static final String REGULATOR_ROLE = REGULATOR.name();
    private static final String OPERATOR_ROLE = OPERATOR.name();

    @Bean
    AuthFailureLimiter authFailureLimiter(Clock clock,
                                          @Value("${ngms.security.auth-failure-limit:10}") int limit,
                                          @Value("${ngms.security.auth-failure-window:PT5M}") Duration window) {
        return new AuthFailureLimiter(limit, window, clock, 100_000);
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, AccountStore accounts, Clock clock,
                                                  SecurityEventLog events, ProblemWriter problems,
                                                  AuthFailureLimiter limiter,
                                                  @Value("${ngms.cors.allowed-origins:}") List<String> origins,
                                                  @Value("${ngms.security.jwt.issuer:}") String jwtIssuer,
                                                  @Value("${ngms.security.jwt.jwk-set-uri:}") String jwkSetUri,
                                                  @Value("${ngms.security.jwt.public-key-location:}") String jwtKey,
                                                  @Value("${ngms.security.jwt.role-claim:ngms_role}") String roleClaim,
                                                  @Value("${ngms.security.jwt.organisation-claim:ngms_organisation}")
                                                  String organisationClaim) {
        TokenAuthenticationManager tokens = new TokenAuthenticationManager(accounts, clock,
                JwtCredentials.configure(jwtIssuer, jwkSetUri, jwtKey, roleClaim, organisationClaim));
        AuthenticationWebFilter authentication = new AuthenticationWebFilter(tokens);
        authentication.setServerAuthenticationConverter(tokens);
        authentication.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        authentication.setAuthenticationFailureHandler((filterExchange, failure) -> {
            ServerWebExchange exchange = filterExchange.getExchange();
            limiter.recordFailure(source(exchange));
            return record(events, exchange, SecurityEventType.AUTHENTICATION_FAILED, Optional.empty(),
                    failure.getMessage())
                    .then(problems.write(exchange, ProblemWriter.problem(401, "invalid-credentials",
                            "Invalid credentials", "the credentials presented were not accepted",
                            exchange.getRequest().getPath().value())));
        });

        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterBefore(rateLimit(limiter, events, problems), SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAt(authentication, SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAfter(swaggerUiStyles(), SecurityWebFiltersOrder.HTTP_HEADERS_WRITER)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, denied) -> record(events, exchange,
                                SecurityEventType.ACCESS_DENIED, Optional.empty(), "no credentials")
                                .then(problems.write(exchange, ProblemWriter.problem(401, "unauthenticated",
                                        "Authentication required", "this route needs a bearer token",
                                        exchange.getRequest().getPath().value()))))
                        .accessDeniedHandler((exchange, denied) -> Callers.current()
                                .flatMap(caller -> record(events, exchange, SecurityEventType.ACCESS_DENIED,
                                        caller.account().map(a -> a.id()), "role not permitted"))
                                .then(problems.write(exchange, ProblemWriter.problem(403, "forbidden", "Forbidden",
                                        "your role may not use this route",
                                        exchange.getRequest().getPath().value())))))
                .authorizeExchange(this::routes);
        if (!origins.isEmpty()) {
            http.cors(cors -> cors.configurationSource(corsSource(origins)));
        } else {
            http.cors(ServerHttpSecurity.CorsSpec::disable);
        }
        return http.build();
    }

    /** The content security policy of every response: nothing inline, nothing from elsewhere. */
    static final String CSP = "default-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    /**
     * Swagger UI (a third-party page) injects an inline style element, so its own pages alone allow inline styles;
     * scripts stay 'self' only there too. The product's screens keep {@link #CSP}.
     */
    private static WebFilter swaggerUiStyles() {
        return (exchange, chain) -> {
            String path = exchange.getRequest().getPath().value();
            if (path.equals("/swagger-ui.html") || path.startsWith("/swagger-ui/")) {
                exchange.getResponse().beforeCommit(() -> {
                    exchange.getResponse().getHeaders().set("Content-Security-Policy",
                            CSP.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';"));
                    return Mono.empty();
                });
            }
            return chain.filter(exchange);
        };
    }

    /** The explicit rule of every route; anything not listed is denied. */
    private void routes(ServerHttpSecurity.AuthorizeExchangeSpec routes) {
        routes
                // operations and documentation: public
                .pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .pathMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                        "/swagger-ui/**", "/webjars/**").permitAll()
                .pathMatchers(HttpMethod.GET, "/api/v1/whoami").permitAll()
                // the screens (docs/web.md): static files, public to fetch; each reads and writes only through the
                // routes below, with the caller's own token
                .pathMatchers(HttpMethod.GET, "/", "/index.html", "/favicon.ico", "/observer/", "/observer/**",
                        "/operator/", "/operator/**", "/regulator/", "/regulator/**", "/app/**").permitAll()
                // directives are public documents; only the regulator writes them
                .pathMatchers(HttpMethod.GET, "/api/v1/directives", "/api/v1/directives/*",
                        "/api/v1/directives/*/versions", "/api/v1/directives/*/versions/*").permitAll()
                .pathMatchers(HttpMethod.POST, "/api/v1/directives", "/api/v1/directives/validation")
                .hasRole(REGULATOR_ROLE)
                .pathMatchers(HttpMethod.PUT, "/api/v1/directives/*/versions/*").hasRole(REGULATOR_ROLE)
                // auctions: public views for everyone, private bidder records for the regulator and the bidder's
                // own operator (others get 404 from the controller), every change by the regulator
                .pathMatchers(HttpMethod.GET, "/api/v1/auctions", "/api/v1/auctions/*", "/api/v1/auctions/*/lots",
                        "/api/v1/auctions/*/bidders").permitAll()
                .pathMatchers(HttpMethod.GET, "/api/v1/auctions/*/bidders/*").hasAnyRole(REGULATOR_ROLE, OPERATOR_ROLE)
                .pathMatchers(HttpMethod.POST, "/api/v1/auctions", "/api/v1/auctions/*/transitions",
                        "/api/v1/auctions/*/bidders", "/api/v1/auctions/*/bidders/*/qualification",
                        "/api/v1/auctions/*/bidders/*/disqualification").hasRole(REGULATOR_ROLE)
                // stages: windows, results and outcomes are public; sealed bids are the operators' (each for its own
                // bidder); deadlines are the regulator's
                .pathMatchers(HttpMethod.GET, "/api/v1/auctions/*/stages", "/api/v1/auctions/*/stages/*",
                        "/api/v1/auctions/*/stages/*/markets", "/api/v1/auctions/*/outcome",
                        "/api/v1/auctions/*/rationalisations/*", "/api/v1/auctions/*/rationalisations/*/picture.svg",
                        "/api/v1/auctions/*/band-plans/*/picture.svg")
                .permitAll()
                .pathMatchers(HttpMethod.POST, "/api/v1/auctions/*/rationalisations").hasRole(REGULATOR_ROLE)
                .pathMatchers(HttpMethod.POST, "/api/v1/auctions/*/stages/*/bids",
                        "/api/v1/auctions/*/stages/*/bids/withdrawal").hasRole(OPERATOR_ROLE)
                .pathMatchers(HttpMethod.GET, "/api/v1/auctions/*/stages/*/bids/mine").hasRole(OPERATOR_ROLE)
                .pathMatchers(HttpMethod.POST, "/api/v1/auctions/*/stages/*/deadline").hasRole(REGULATOR_ROLE)
                // who has bid in a stage or round, never what: the regulator's console only
                .pathMatchers(HttpMethod.GET, "/api/v1/auctions/*/stages/*/submissions").hasRole(REGULATOR_ROLE)
                // clock rounds: public results and feed; bids and own results for operators; controls for the
                // regulator
                .pathMatchers(HttpMethod.GET, "/api/v1/auctions/*/stages/*/rounds", "/api/v1/auctions/*/stages/*/rounds.csv",
                        "/api/v1/auctions/*/feed").permitAll()
                .pathMatchers(HttpMethod.POST, "/api/v1/auctions/*/stages/*/rounds/*/bids",
                        "/api/v1/auctions/*/stages/*/rounds/*/bids/preview").hasRole(OPERATOR_ROLE)
                .pathMatchers(HttpMethod.GET, "/api/v1/auctions/*/stages/*/rounds/*/mine").hasRole(OPERATOR_ROLE)
                .pathMatchers(HttpMethod.POST, "/api/v1/auctions/*/stages/*/rounds/*/pause",
                        "/api/v1/auctions/*/stages/*/rounds/*/resume", "/api/v1/auctions/*/stages/*/rounds/*/deadline",
                        "/api/v1/auctions/*/stages/*/rounds/*/increment")
                .hasRole(REGULATOR_ROLE)
                // the audit trail: keys and transcript heads are public; a transcript is public once its auction has
                // ended (the controller enforces that); the service transcript and key rotation are the regulator's
                .pathMatchers(HttpMethod.GET, "/api/v1/keys", "/api/v1/auctions/*/transcript",
                        "/api/v1/auctions/*/transcript/head").permitAll()
                .pathMatchers(HttpMethod.GET, "/api/v1/transcripts/service").hasRole(REGULATOR_ROLE)
                .pathMatchers(HttpMethod.POST, "/api/v1/keys/rotation").hasRole(REGULATOR_ROLE)
                // accounts, credentials and the security log: the regulator
                .pathMatchers(HttpMethod.GET, "/api/v1/accounts", "/api/v1/accounts/*", "/api/v1/accounts/*/tokens",
                        "/api/v1/security-events").hasRole(REGULATOR_ROLE)
                .pathMatchers(HttpMethod.POST, "/api/v1/accounts", "/api/v1/accounts/*/tokens",
                        "/api/v1/accounts/*/tokens/*/revocation").hasRole(REGULATOR_ROLE)
                .anyExchange().denyAll();
    }

    /** Refuses authentication attempts from a source that failed too often recently. */
    private static WebFilter rateLimit(AuthFailureLimiter limiter, SecurityEventLog events, ProblemWriter problems) {
        return (exchange, chain) -> {
            if (!exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
                return chain.filter(exchange);
            }
            long wait = limiter.secondsToWait(source(exchange));
            if (wait == 0) {
                return chain.filter(exchange);
            }
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(wait));
            return record(events, exchange, SecurityEventType.RATE_LIMITED, Optional.empty(),
                    "too many failed authentications")
                    .then(problems.write(exchange, ProblemWriter.problem(429, "too-many-failures",
                            "Too many failed authentications",
                            "authentication from this address is paused for " + wait + " s",
                            exchange.getRequest().getPath().value())));
        };
    }

    static Mono<Void> record(SecurityEventLog events, ServerWebExchange exchange, SecurityEventType type,
                             Optional<String> account, String detail) {
        return events.record(type, account, exchange.getRequest().getMethod().name(),
                exchange.getRequest().getPath().value(), source(exchange), detail);
    }

    static String source(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    private static UrlBasedCorsConfigurationSource corsSource(List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }
}
