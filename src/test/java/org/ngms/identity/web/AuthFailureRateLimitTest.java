package org.ngms.identity.web;

import org.junit.jupiter.api.Test;
import org.ngms.support.IntegrationTestBase;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {"ngms.security.auth-failure-limit=3", "ngms.security.auth-failure-window=PT10M"})
class AuthFailureRateLimitTest extends IntegrationTestBase {

    @Test
    void repeatedFailuresFromOneSourcePauseItsAuthenticationAttempts() {
        for (int i = 0; i < 3; i++) {
            as("ngms_wrong-token-guess-number-" + i + "-padding-padding").get().uri("/api/v1/whoami").exchange()
                    .expectStatus().isUnauthorized();
        }

        as("ngms_wrong-token-guess-number-4-padding-padding").get().uri("/api/v1/whoami").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.code").isEqualTo("too-many-failures");
        web.get().uri("/api/v1/whoami").exchange().expectStatus().isEqualTo(429);
        anonymous.get().uri("/api/v1/directives").exchange().expectStatus().isOk();
    }
}
