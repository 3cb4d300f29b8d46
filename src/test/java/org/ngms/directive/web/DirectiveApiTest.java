package org.ngms.directive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ngms.directive.DirectiveParser;
import org.ngms.shared.CanonicalJson;
import org.ngms.support.IntegrationTestBase;
import org.ngms.support.Scenarios;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

class DirectiveApiTest extends IntegrationTestBase {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    @Autowired
    DatabaseClient db;

    private ResponseSpec post(String body, MediaType type) {
        return web.post().uri("/api/v1/directives").contentType(type).bodyValue(body).exchange();
    }

    private String register(String yaml) {
        return post(yaml, YAML).expectStatus().isCreated()
                .expectBody().jsonPath("$.version").isEqualTo(1)
                .returnResult().getResponseHeaders().getLocation().toString();
    }

    @Test
    void registersAValidDirectiveWithItsVersionAndTheHashOfItsCanonicalJson() {
        String id = Scenarios.uniqueId("PK-5G");
        String yaml = Scenarios.directiveYaml("pk-5g-2026", id);
        String expectedSha = ((DirectiveParser.Valid) DirectiveParser.parse(yaml, DirectiveParser.Format.YAML))
                .document().sha256();

        post(yaml, YAML).expectStatus().isCreated()
                .expectHeader().location("/api/v1/directives/" + id + "/versions/1")
                .expectBody()
                .jsonPath("$.id").isEqualTo(id)
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.sha256").isEqualTo(expectedSha)
                .jsonPath("$.created").isEqualTo(true);

        byte[] stored = web.get().uri("/api/v1/directives/" + id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.sha256").isEqualTo(expectedSha)
                .jsonPath("$.document.lotCategories.length()").isEqualTo(6)
                .jsonPath("$.inUse").isEqualTo(false)
                .returnResult().getResponseBody();
        String document = JsonMapper.builder().build().readTree(stored).get("document").toString();
        assertThat(CanonicalJson.sha256Hex(CanonicalJson.canonicalize(document))).isEqualTo(expectedSha);
    }

    @Test
    void theSameDocumentAsJsonHasTheSameHashAndIsNotANewVersion() {
        String id = Scenarios.uniqueId("PK-5G");
        String yaml = Scenarios.directiveYaml("pk-5g-2026", id);
        register(yaml);
        String json = JsonMapper.builder().build().writeValueAsString(YAMLMapper.builder().build().readTree(yaml));

        post(json, MediaType.APPLICATION_JSON).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.created").isEqualTo(false);
    }

    @Test
    void aChangedDocumentBecomesTheNextVersionAndBothStayReadable() {
        String id = Scenarios.uniqueId("PK-5G");
        String yaml = Scenarios.directiveYaml("pk-5g-2026", id);
        register(yaml);

        post(yaml.replace("termYears: 15", "termYears: 20"), YAML).expectStatus().isCreated()
                .expectBody().jsonPath("$.version").isEqualTo(2);

        web.get().uri("/api/v1/directives/" + id + "/versions").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(2);
        web.get().uri("/api/v1/directives/" + id + "/versions/1").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.document.licence.termYears").isEqualTo(15);
        web.get().uri("/api/v1/directives/" + id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.document.licence.termYears").isEqualTo(20);
    }

    @Test
    void aDirectiveNamingAStageFormatTheServiceDoesNotRunIsRefusedAtRegistrationNamingTheStage() {
        String id = Scenarios.uniqueId("PK-5G-SMRA");
        // 2026 with an SMRA allocating the lots before the position clock: an assignment after an SMRA is not run
        String yaml = Scenarios.directiveYaml("pk-5g-2026", id);
        int start = yaml.indexOf("  - id: allocation\n");
        int end = yaml.indexOf("  - id: assignment\n");
        yaml = yaml.substring(0, start) + "  - id: allocation\n    type: SMRA\n    roundMinutes: 30\n"
                + "    minIncrementPercent: \"5\"\n    maxIncrementPercent: \"5\"\n    incrementRule: FIXED\n"
                + "    activityRequirementPercent: \"100\"\n    waivers: 3\n    withdrawalsAllowed: false\n"
                + "    bidMultiple: 1000\n" + yaml.substring(end);

        post(yaml, YAML).expectStatus().isEqualTo(422)
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.code").isEqualTo("directive-not-runnable")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].path").isEqualTo("stages[1].type")
                .jsonPath("$.errors[0].rule").isEqualTo("FORMAT_NOT_RUNNABLE")
                .jsonPath("$.errors[0].value").isEqualTo("ASSIGNMENT");
        web.get().uri("/api/v1/directives/" + id).exchange().expectStatus().isNotFound();
        web.post().uri("/api/v1/directives/validation").contentType(YAML).bodyValue(yaml).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.valid").isEqualTo(false)
                .jsonPath("$.errors[0].rule").isEqualTo("FORMAT_NOT_RUNNABLE");
    }

    @Test
    void anInvalidDirectiveGets422WithEveryErrorAndNothingIsStored() {
        String id = Scenarios.uniqueId("BROKEN");
        String yaml = Scenarios.directiveYaml("pk-5g-2026", id)
                .replace("reservePerBlock: 32500000", "reservePerBlock: 32500001")
                .replace("band: \"2300\"", "band: \"2350\"");

        post(yaml, YAML).expectStatus().isEqualTo(422)
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.code").isEqualTo("directive-invalid")
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.path == 'lotCategories[0].reservePerBlock')].rule").isEqualTo("RESERVE_MISMATCH")
                .jsonPath("$.errors[?(@.path == 'lotCategories[3].band')].rule").isEqualTo("UNKNOWN_REFERENCE")
                .jsonPath("$.errors[?(@.path == 'lotCategories[3].band')].value").isEqualTo("2350");

        web.get().uri("/api/v1/directives/" + id).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not-found");
    }

    @Test
    void malformedTextIsA400NamingTheLine() {
        post("id: [unclosed", YAML).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("malformed-request")
                .jsonPath("$.errors[0].rule").isEqualTo("SYNTAX")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("line 1"));
        post("{\"id\": ", MediaType.APPLICATION_JSON).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].rule").isEqualTo("SYNTAX");
    }

    @Test
    void duplicateKeysAreRefused() {
        post("id: A\nid: B\n", YAML).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("id"));
    }

    @Test
    void otherContentTypesAreUnsupported() {
        post("id: x", MediaType.TEXT_PLAIN).expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.code").isEqualTo("unsupported-media-type");
    }

    @Test
    void aBodyOverOneMegabyteIs413() {
        String huge = "title: \"" + "x".repeat(1_100_000) + "\"\n";
        post(huge, YAML).expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.code").isEqualTo("payload-too-large");
    }

    @Test
    void anEmptyBodyIs400() {
        web.post().uri("/api/v1/directives").contentType(YAML).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/bad-request");
    }

    @Test
    void dryRunValidationReportsWithoutStoring() {
        String id = Scenarios.uniqueId("DRY");
        web.post().uri("/api/v1/directives/validation").contentType(YAML)
                .bodyValue(Scenarios.directiveYaml("pk-5g-2026", id).replace("blocks: 19", "blocks: 0"))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.valid").isEqualTo(false)
                .jsonPath("$.errors[0].path").isEqualTo("lotCategories[4].blocks")
                .jsonPath("$.errors[0].rule").isEqualTo("NOT_POSITIVE");
        web.get().uri("/api/v1/directives/" + id).exchange().expectStatus().isNotFound();
    }

    @Test
    void aVersionNoAuctionUsesCanBeReplacedInPlace() {
        String id = Scenarios.uniqueId("PK-5G");
        String yaml = Scenarios.directiveYaml("pk-5g-2026", id);
        register(yaml);

        web.put().uri("/api/v1/directives/" + id + "/versions/1").contentType(YAML)
                .bodyValue(yaml.replace("termYears: 15", "termYears: 20")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);
        web.get().uri("/api/v1/directives/" + id + "/versions/1").exchange()
                .expectBody().jsonPath("$.document.licence.termYears").isEqualTo(20);
    }

    @Test
    void aVersionAnAuctionUsesIsImmutableInTheApiAndInTheDatabase() {
        String id = Scenarios.uniqueId("PK-5G");
        String yaml = Scenarios.directiveYaml("pk-5g-2026", id);
        register(yaml);
        web.post().uri("/api/v1/auctions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("directiveId", id, "schedule", Map.of(
                        "applicationDeadline", "2026-02-27T12:00:00Z",
                        "biddingOpens", "2026-03-10T05:00:00Z",
                        "stageOpenings", Map.of("allocation", "2026-03-10T05:00:00Z"))))
                .exchange().expectStatus().isCreated();

        web.put().uri("/api/v1/directives/" + id + "/versions/1").contentType(YAML)
                .bodyValue(yaml.replace("termYears: 15", "termYears: 20")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("directive-in-use");

        StepVerifier.create(db.sql("update directive set title = 'changed' where id = :id").bind("id", id)
                        .fetch().rowsUpdated())
                .expectErrorMatches(e -> e.getMessage().contains("used by an auction"))
                .verify();
        web.get().uri("/api/v1/directives/" + id).exchange()
                .expectBody().jsonPath("$.inUse").isEqualTo(true)
                .jsonPath("$.document.licence.termYears").isEqualTo(15);
    }

    @Test
    void unknownDirectivesAre404AndUnknownRoutesAreDeniedByDefault() {
        anonymous.get().uri("/api/v1/directives/NOPE").exchange().expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json");
        anonymous.get().uri("/api/v1/nothing-here").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/nothing-here").exchange().expectStatus().isForbidden()
                .expectHeader().contentType("application/problem+json");
    }
}
