package org.ngms.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ngms.support.IntegrationTestBase;
import org.ngms.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

import reactor.test.StepVerifier;

class IdentityApiTest extends IntegrationTestBase {

    @Autowired
    DatabaseClient db;

    private List<Map<String, Object>> securityEventsSince(long seq) {
        return web.get().uri("/api/v1/security-events?after=" + seq + "&limit=1000").exchange()
                .expectStatus().isOk()
                .expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    private long lastEventSeq() {
        List<Map<String, Object>> all = securityEventsSince(0);
        long last = 0;
        while (all.size() == 1000) {
            last = ((Number) all.get(all.size() - 1).get("seq")).longValue();
            all = securityEventsSince(last);
        }
        return all.isEmpty() ? last : ((Number) all.get(all.size() - 1).get("seq")).longValue();
    }

    @Test
    void theBootstrapRegulatorIsWhoTheConfiguredTokenSaysItIs() {
        web.get().uri("/api/v1/whoami").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.authenticated").isEqualTo(true)
                .jsonPath("$.account").isEqualTo("regulator")
                .jsonPath("$.role").isEqualTo("REGULATOR");
        anonymous.get().uri("/api/v1/whoami").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.authenticated").isEqualTo(false)
                .jsonPath("$.account").doesNotExist();
    }

    @Test
    void anIssuedTokenWorksIsNeverShownAgainAndStopsWorkingWhenRevoked() {
        web.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "jazz-ops-1", "role", "OPERATOR", "organisation", "jazz",
                        "displayName", "Jazz auction desk"))
                .exchange().expectStatus().isCreated();
        Map<?, ?> issued = web.post().uri("/api/v1/accounts/jazz-ops-1/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("label", "desk")).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(Map.class).returnResult().getResponseBody();
        String token = (String) issued.get("token");
        String tokenId = (String) ((Map<?, ?>) issued.get("record")).get("id");
        assertThat(token).matches("ngms_[A-Za-z0-9_-]{43}");

        as(token).get().uri("/api/v1/whoami").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.account").isEqualTo("jazz-ops-1")
                .jsonPath("$.organisation").isEqualTo("jazz");
        String listed = web.get().uri("/api/v1/accounts/jazz-ops-1/tokens").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(listed).contains(tokenId).contains("lastUsedAt").doesNotContain(token.substring(5));
        StepVerifier.create(db.sql("select token_sha256 from api_token where id = :id::uuid").bind("id", tokenId)
                        .map(row -> row.get(0, String.class)).one())
                .assertNext(sha -> assertThat(sha).hasSize(64).doesNotContain(token))
                .verifyComplete();

        web.post().uri("/api/v1/accounts/jazz-ops-1/tokens/" + tokenId + "/revocation").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.revokedAt").exists();
        as(token).get().uri("/api/v1/whoami").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("invalid-credentials");
    }

    @Test
    void missingMalformedUnknownAndExpiredCredentialsAre401AndRecorded() {
        long before = lastEventSeq();
        String observer = accountWithToken("OBSERVER", null);
        String observerId = (String) as(observer).get().uri("/api/v1/whoami").exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("account");
        StepVerifier.create(db.sql("update api_token set expires_at = now() - interval '1 second' "
                        + "where account_id = :id").bind("id", observerId).fetch().rowsUpdated())
                .expectNext(1L).verifyComplete();

        anonymous.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.code").isEqualTo("unauthenticated");
        anonymous.get().uri("/api/v1/whoami").header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz").exchange()
                .expectStatus().isUnauthorized();
        as("ngms_not-a-real-token-but-long-enough-to-look-up").get().uri("/api/v1/whoami").exchange()
                .expectStatus().isUnauthorized();
        as(observer).get().uri("/api/v1/whoami").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("the credentials presented were not accepted");

        List<Map<String, Object>> events = securityEventsSince(before);
        assertThat(events).extracting(e -> e.get("type") + " " + e.get("detail"))
                .contains("ACCESS_DENIED no credentials", "AUTHENTICATION_FAILED malformed credentials",
                        "AUTHENTICATION_FAILED unknown token")
                .anyMatch(e -> e.startsWith("AUTHENTICATION_FAILED expired token"));
        assertThat(events).filteredOn(e -> "AUTHENTICATION_FAILED".equals(e.get("type")))
                .allMatch(e -> "/api/v1/whoami".equals(e.get("route")) && e.get("source") != null
                        && e.get("at") != null);
    }

    @Test
    void aValidTokenWithTheWrongRoleIs403AndRecordedWithTheAccount() {
        String observer = accountWithToken("OBSERVER", null);
        long before = lastEventSeq();

        as(observer).post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("forbidden");

        assertThat(securityEventsSince(before)).anySatisfy(e -> {
            assertThat(e.get("type")).isEqualTo("ACCESS_DENIED");
            assertThat((String) e.get("accountId")).startsWith("observer-");
            assertThat(e.get("route")).isEqualTo("/api/v1/accounts");
            assertThat(e.get("method")).isEqualTo("POST");
        });
    }

    @Test
    void issuingAndRevokingAreRecorded() {
        long before = lastEventSeq();
        accountWithToken("OBSERVER", null);
        assertThat(securityEventsSince(before)).extracting(e -> e.get("type"))
                .containsSubsequence("ACCOUNT_CREATED", "TOKEN_ISSUED");
    }

    @Test
    void theSecurityLogIsAppendOnly() {
        StepVerifier.create(db.sql("delete from security_event").fetch().rowsUpdated())
                .expectErrorMatches(e -> e.getMessage().contains("append-only"))
                .verify();
    }

    @Test
    void accountRequestsAreValidated() {
        web.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "Bad Id", "role", "OPERATOR", "displayName", " ")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[*].path").value(paths -> assertThat((List<String>) paths)
                        .containsExactly("id", "organisation", "displayName"));
        web.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "x", "role", "KING", "displayName", "x")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].path").isEqualTo("role");
        web.post().uri("/api/v1/accounts/regulator/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("expiresAt", Instant.now().plusSeconds(400L * 86_400).toString())).exchange()
                .expectStatus().isEqualTo(422);
        web.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "regulator", "role", "OBSERVER", "displayName", "dup")).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("duplicate-account");
    }

    @Test
    void everyResponseCarriesSecurityHeadersAndNoCorsUnlessConfigured() {
        anonymous.get().uri("/api/v1/directives").header(HttpHeaders.ORIGIN, "https://evil.example").exchange()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("frame-ancestors 'none'"))
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, cc -> assertThat(cc).contains("no-store"))
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        anonymous.get().uri("/api/v1/nothing").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
    }

    @Test
    void theTestRegulatorTokenIsTheConfiguredOne() {
        assertThat(TestDatabase.REGULATOR_TOKEN).startsWith("ngms_");
    }
}
