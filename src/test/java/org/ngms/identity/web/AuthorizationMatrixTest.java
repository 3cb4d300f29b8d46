package org.ngms.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ngms.support.IntegrationTestBase;
import org.ngms.support.Scenarios;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every route the service serves, for every kind of caller, against a declared matrix. Routes come from the
 * generated OpenAPI document (plus the few served outside it), so a new endpoint without a line here fails the test.
 *
 * <p>Outcomes: {@code OK} = authorised (any status but 401, 403 and a hiding 404; a body of {@code {}} usually earns
 * a 4xx validation answer, which still proves the caller got through); {@code IN} = authorised, where the resource may
 * not exist yet in this fixture (a draft auction has no stage windows or outcome), so 404 is allowed; {@code 401};
 * {@code 403}; {@code 404} = the route hides another bidder's data. Callers: anonymous, observer, operator of bidder alpha, operator of bidder beta,
 * regulator. {@code {bidderId}} is alpha's.
 */
class AuthorizationMatrixTest extends IntegrationTestBase {

    private static final Map<String, String> MATRIX = new LinkedHashMap<>();

    static {
        //                                                               anon observer opA  opB  regulator
        expect("GET /actuator/health",                                    "OK   OK   OK   OK   OK");
        expect("GET /actuator/info",                                      "OK   OK   OK   OK   OK");
        expect("GET /v3/api-docs",                                        "OK   OK   OK   OK   OK");
        expect("GET /swagger-ui.html",                                    "OK   OK   OK   OK   OK");
        expect("GET /",                                                   "OK   OK   OK   OK   OK");
        expect("GET /observer/index.html",                                "OK   OK   OK   OK   OK");
        expect("GET /operator/",                                          "OK   OK   OK   OK   OK");
        expect("GET /regulator/",                                         "OK   OK   OK   OK   OK");
        expect("GET /api/v1/whoami",                                      "OK   OK   OK   OK   OK");
        expect("GET /api/v1/directives",                                  "OK   OK   OK   OK   OK");
        expect("POST /api/v1/directives",                                 "401  403  403  403  OK");
        expect("POST /api/v1/directives/validation",                      "401  403  403  403  OK");
        expect("GET /api/v1/directives/{id}",                             "OK   OK   OK   OK   OK");
        expect("GET /api/v1/directives/{id}/versions",                    "OK   OK   OK   OK   OK");
        expect("GET /api/v1/directives/{id}/versions/{version}",          "OK   OK   OK   OK   OK");
        expect("PUT /api/v1/directives/{id}/versions/{version}",          "401  403  403  403  OK");
        expect("GET /api/v1/auctions",                                    "OK   OK   OK   OK   OK");
        expect("POST /api/v1/auctions",                                   "401  403  403  403  OK");
        expect("GET /api/v1/auctions/{id}",                               "OK   OK   OK   OK   OK");
        expect("GET /api/v1/auctions/{id}/lots",                          "OK   OK   OK   OK   OK");
        expect("GET /api/v1/auctions/{id}/bidders",                       "OK   OK   OK   OK   OK");
        expect("POST /api/v1/auctions/{id}/bidders",                      "401  403  403  403  OK");
        expect("GET /api/v1/auctions/{id}/bidders/{bidderId}",            "401  403  OK   404  OK");
        expect("POST /api/v1/auctions/{id}/bidders/{bidderId}/qualification",    "401  403  403  403  OK");
        expect("POST /api/v1/auctions/{id}/bidders/{bidderId}/disqualification", "401  403  403  403  OK");
        expect("POST /api/v1/auctions/{id}/transitions",                  "401  403  403  403  OK");
        expect("GET /api/v1/auctions/{id}/stages",                        "OK   OK   OK   OK   OK");
        expect("GET /api/v1/auctions/{id}/stages/{stage}",                "IN   IN   IN   IN   IN");
        expect("GET /api/v1/auctions/{id}/stages/{stage}/markets",        "IN   IN   IN   IN   IN");
        expect("POST /api/v1/auctions/{id}/rationalisations",             "401  403  403  403  IN");
        expect("GET /api/v1/auctions/{id}/band-plans/{category}/picture.svg", "IN   IN   IN   IN   IN");
        expect("GET /api/v1/auctions/{id}/rationalisations/{category}",   "IN   IN   IN   IN   IN");
        expect("GET /api/v1/auctions/{id}/rationalisations/{category}/picture.svg", "IN   IN   IN   IN   IN");
        expect("POST /api/v1/auctions/{id}/stages/{stage}/bids",          "401  403  IN   IN   403");
        expect("POST /api/v1/auctions/{id}/stages/{stage}/bids/withdrawal", "401  403  IN   IN   403");
        expect("GET /api/v1/auctions/{id}/stages/{stage}/bids/mine",      "401  403  IN   IN   403");
        expect("POST /api/v1/auctions/{id}/stages/{stage}/deadline",      "401  403  403  403  IN");
        expect("GET /api/v1/auctions/{id}/stages/{stage}/submissions",   "401  403  403  403  IN");
        expect("GET /api/v1/auctions/{id}/outcome",                       "IN   IN   IN   IN   IN");
        expect("GET /api/v1/auctions/{id}/stages/{stage}/rounds",         "OK   OK   OK   OK   OK");
        expect("GET /api/v1/auctions/{id}/stages/{stage}/rounds.csv",     "OK   OK   OK   OK   OK");
        expect("POST /api/v1/auctions/{id}/stages/{stage}/rounds/{round}/bids", "401  403  IN   IN   403");
        expect("POST /api/v1/auctions/{id}/stages/{stage}/rounds/{round}/bids/preview", "401  403  IN   IN   403");
        expect("GET /api/v1/auctions/{id}/stages/{stage}/rounds/{round}/mine",   "401  403  IN   IN   403");
        expect("POST /api/v1/auctions/{id}/stages/{stage}/rounds/{round}/pause",    "401  403  403  403  IN");
        expect("POST /api/v1/auctions/{id}/stages/{stage}/rounds/{round}/resume",   "401  403  403  403  IN");
        expect("POST /api/v1/auctions/{id}/stages/{stage}/rounds/{round}/deadline", "401  403  403  403  IN");
        expect("POST /api/v1/auctions/{id}/stages/{stage}/rounds/{round}/increment", "401  403  403  403  IN");
        expect("GET /api/v1/auctions/{id}/feed",                          "OK   OK   OK   OK   OK");
        expect("GET /api/v1/keys",                                        "OK   OK   OK   OK   OK");
        expect("POST /api/v1/keys/rotation",                              "401  403  403  403  OK");
        expect("GET /api/v1/auctions/{id}/transcript/head",               "OK   OK   OK   OK   OK");
        expect("GET /api/v1/auctions/{id}/transcript",                    "403  403  403  403  OK");
        expect("GET /api/v1/transcripts/service",                         "401  403  403  403  OK");
        expect("GET /api/v1/accounts",                                    "401  403  403  403  OK");
        expect("POST /api/v1/accounts",                                   "401  403  403  403  OK");
        expect("GET /api/v1/accounts/{id}",                               "401  403  403  403  OK");
        expect("GET /api/v1/accounts/{id}/tokens",                        "401  403  403  403  OK");
        expect("POST /api/v1/accounts/{id}/tokens",                       "401  403  403  403  OK");
        expect("POST /api/v1/accounts/{id}/tokens/{tokenId}/revocation",  "401  403  403  403  OK");
        expect("GET /api/v1/security-events",                             "401  403  403  403  OK");
    }

    /** Routes served outside the OpenAPI document. */
    private static final Set<String> OUTSIDE_OPENAPI = Set.of("GET /actuator/health", "GET /actuator/info",
            "GET /v3/api-docs", "GET /swagger-ui.html", "GET /", "GET /observer/index.html", "GET /operator/",
            "GET /regulator/");

    private static void expect(String route, String outcomes) {
        MATRIX.put(route, outcomes);
    }

    private String directiveId;
    private String auctionId;
    private String victimAccount;
    private String victimTokenId;
    private final Map<String, WebTestClient> callers = new LinkedHashMap<>();

    @BeforeEach
    void anAuctionWithTwoBiddersAndOneAccountOfEachKind() {
        directiveId = Scenarios.uniqueId("MATRIX");
        web.post().uri("/api/v1/directives").contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(Scenarios.directiveYaml("pk-5g-2026", directiveId)).exchange().expectStatus().isCreated();
        auctionId = (String) web.post().uri("/api/v1/auctions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("directiveId", directiveId, "schedule", Map.of(
                        "applicationDeadline", "2026-02-27T12:00:00Z", "biddingOpens", "2026-03-10T05:00:00Z",
                        "stageOpenings", Map.of("allocation", "2026-03-10T05:00:00Z"))))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        for (String bidder : List.of("alpha", "beta")) {
            web.post().uri("/api/v1/auctions/" + auctionId + "/bidders").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("id", bidder, "organisation", bidder + " Ltd", "newEntrant", true,
                            "deposit", 15_000_000))
                    .exchange().expectStatus().isCreated();
        }
        callers.put("anonymous", anonymous);
        callers.put("observer", as(accountWithToken("OBSERVER", null)));
        callers.put("operator A", as(accountWithToken("OPERATOR", "alpha")));
        callers.put("operator B", as(accountWithToken("OPERATOR", "beta")));
        callers.put("regulator", web);
        // an account of its own whose token the revocation route may revoke, never one of the callers'
        victimAccount = "victim-" + UUID.randomUUID().toString().substring(0, 8);
        web.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", victimAccount, "role", "OBSERVER", "displayName", "victim")).exchange()
                .expectStatus().isCreated();
        victimTokenId = (String) ((Map<?, ?>) web.post().uri("/api/v1/accounts/" + victimAccount + "/tokens")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("record")).get("id");
    }

    private Set<String> servedRoutes() {
        byte[] document = anonymous.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        JsonNode paths = JsonMapper.builder().build().readTree(document).get("paths");
        Set<String> routes = new TreeSet<>(OUTSIDE_OPENAPI);
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                routes.add(method.toUpperCase() + " " + path);
            }
        }
        return routes;
    }

    private String concrete(String path) {
        String prefix = path.startsWith("/api/v1/directives") ? directiveId
                : path.startsWith("/api/v1/auctions") ? auctionId : victimAccount;
        return path.replace("{id}", prefix).replace("{version}", "1").replace("{bidderId}", "alpha")
                .replace("{tokenId}", victimTokenId).replace("{stage}", "allocation").replace("{round}", "1").replace("{category}", "2600");
    }

    private int call(WebTestClient client, String route) {
        String[] parts = route.split(" ", 2);
        HttpMethod method = HttpMethod.valueOf(parts[0]);
        var request = client.method(method).uri(concrete(parts[1]));
        var response = method == HttpMethod.GET
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
        return response.returnResult(byte[].class).getStatus().value();
    }

    @Test
    void everyServedRouteIsInTheMatrixAndNothingElse() {
        Set<String> served = servedRoutes();
        assertThat(new TreeSet<>(MATRIX.keySet())).as("routes missing from or stale in the matrix")
                .isEqualTo(served);
    }

    @Test
    void everyCallerGetsExactlyWhatTheMatrixDeclares() {
        List<String> wrong = new ArrayList<>();
        for (var entry : MATRIX.entrySet()) {
            String[] expected = entry.getValue().trim().split("\\s+");
            int i = 0;
            for (var caller : callers.entrySet()) {
                int status = call(caller.getValue(), entry.getKey());
                String outcome = expected[i++];
                boolean ok = switch (outcome) {
                    case "OK" -> status != 401 && status != 403 && status != 404 && status < 500;
                    case "IN" -> status != 401 && status != 403 && status < 500;
                    default -> status == Integer.parseInt(outcome);
                };
                if (!ok) {
                    wrong.add(entry.getKey() + " as " + caller.getKey() + ": expected " + outcome + ", got " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
