package org.ngms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ngms.auction.app.StageService;
import org.ngms.auction.assignment.AssignmentBids;
import org.ngms.shared.AuctionId;
import org.ngms.shared.Reason;
import org.ngms.shared.StageId;
import org.ngms.shared.Violation;
import org.ngms.support.IntegrationTestBase;
import org.ngms.support.Scenarios;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps the OpenAPI document honest. No schema is a Jackson tree (nodeType, array, empty …); every operation has a
 * typed success response and its problem responses, each an application/problem+json Problem naming known codes at
 * the status {@link ProblemStatus} gives them; every request body has an example. And the examples work: each
 * example of the important write routes is taken from the served document and posted, as Swagger UI's "Try it out"
 * would, to its route in a state where it applies, and must be accepted with the documented success status.
 */
class OpenApiExamplesTest extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> TREE_PROPERTIES = Set.of("nodeType", "array", "empty", "valueNode",
            "containerNode", "missingNode");
    private static final Pattern CODE = Pattern.compile("`([a-z]+(?:-[a-z]+)+|[a-z]+)`");

    @Autowired
    StageService stages;

    private JsonNode document;
    /** Every example posted and accepted, as METHOD path (example). */
    private final List<String> accepted = new ArrayList<>();

    @BeforeEach
    void theServedDocument() {
        // the first request builds the document: give it time on a busy machine
        document = JSON.readTree(anonymous.mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private List<Map.Entry<String, JsonNode>> operations() {
        List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
                all.add(Map.entry(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue()))));
        return all;
    }

    @Test
    void noSchemaIsAJacksonTree() {
        List<String> trees = new ArrayList<>();
        findTrees(document, "", trees);
        document.get("components").get("schemas").propertyNames().forEach(name -> {
            if (name.endsWith("Node") || name.equals("MediaType")) {
                trees.add("components.schemas." + name);
            }
        });
        assertThat(trees).as("schemas of Jackson trees").isEmpty();
        // documents written raw into a response are objects, not the strings they are held in
        for (String raw : List.of("WindowView/properties/result", "OutcomeView/properties/outcome",
                "Version/properties/document", "RationalisationView/properties/rationalisation")) {
            assertThat(document.at("/components/schemas/" + raw + "/type").toString()).as(raw).contains("object");
        }
        assertThat(operations()).hasSizeGreaterThanOrEqualTo(48);
    }

    private static void findTrees(JsonNode node, String at, List<String> trees) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                properties.propertyNames().stream().filter(TREE_PROPERTIES::contains)
                        .forEach(p -> trees.add(at + ".properties." + p));
            }
            node.properties().forEach(e -> findTrees(e.getValue(), at + "." + e.getKey(), trees));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findTrees(node.get(i), at + "[" + i + "]", trees);
            }
        }
    }

    @Test
    void everyOperationDocumentsItsSuccessItsProblemsAndAnExampleOfItsBody() throws IOException {
        Map<String, Set<Integer>> reasonStatuses = new HashMap<>();
        for (Class<? extends Enum<? extends Reason>> type : ProblemStatus.REASONS) {
            for (Enum<? extends Reason> constant : type.getEnumConstants()) {
                Reason reason = (Reason) constant;
                reasonStatuses.computeIfAbsent(reason.code(), c -> new HashSet<>()).add(ProblemStatus.of(reason));
            }
        }
        Set<String> known = new HashSet<>(reasonStatuses.keySet());
        Matcher m = CODE.matcher(Files.readString(Path.of("docs", "api.md"), StandardCharsets.UTF_8));
        while (m.find()) {
            known.add(m.group(1));
        }
        assertThat(document.at("/components/schemas/Problem/properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance", "code", "errors");
        assertThat(document.at("/components/schemas/Violation/properties").propertyNames())
                .contains("path", "rule", "message", "value");

        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : operations()) {
            String op = entry.getKey();
            JsonNode operation = entry.getValue();
            JsonNode responses = operation.get("responses");
            boolean open = operation.has("security") && operation.get("security").isEmpty();
            Set<String> statuses = new TreeSet<>(responses.propertyNames());
            List<String> success = statuses.stream().filter(s -> s.startsWith("2")).toList();
            if (success.isEmpty()) {
                wrong.add(op + ": no success response");
            }
            for (String s : success) {
                JsonNode content = responses.get(s).get("content");
                if (content == null || content.isEmpty()) {
                    wrong.add(op + " " + s + ": no content");
                } else {
                    content.properties().forEach(c -> {
                        if (c.getValue().path("schema").isEmpty()) {
                            wrong.add(op + " " + s + " " + c.getKey() + ": an untyped body");
                        }
                    });
                }
            }
            Set<String> required = new TreeSet<>(List.of("401", "429", "500"));
            if (!open) {
                required.add("403");
            }
            if (operation.has("requestBody")) {
                required.addAll(List.of("400", "413", "415"));
            }
            if (!statuses.containsAll(required)) {
                wrong.add(op + ": documents " + statuses + ", not all of " + required);
            }
            for (String s : statuses) {
                if (s.startsWith("2")) {
                    continue;
                }
                JsonNode response = responses.get(s);
                if (!response.at("/content/application~1problem+json/schema/$ref").asString("")
                        .equals("#/components/schemas/Problem")) {
                    wrong.add(op + " " + s + ": not an application/problem+json Problem");
                }
                JsonNode codes = response.get("x-problem-codes");
                if (codes == null || codes.isEmpty()) {
                    wrong.add(op + " " + s + ": names no problem code");
                    continue;
                }
                for (JsonNode code : codes) {
                    String c = code.asString();
                    if (!known.contains(c)) {
                        wrong.add(op + " " + s + ": code " + c + " is neither a reason code nor in docs/api.md");
                    } else if (reasonStatuses.containsKey(c) && !reasonStatuses.get(c).contains(Integer.parseInt(s))) {
                        wrong.add(op + " " + s + ": code " + c + " has status " + reasonStatuses.get(c));
                    }
                    if (!response.get("description").asString().contains("`" + c + "`")) {
                        wrong.add(op + " " + s + ": description does not name " + c);
                    }
                }
            }
            JsonNode body = operation.get("requestBody");
            if (body != null) {
                body.get("content").properties().forEach(c -> {
                    JsonNode media = c.getValue();
                    if (media.path("schema").isEmpty()) {
                        wrong.add(op + " " + c.getKey() + ": body without a schema");
                    }
                    if (!media.has("example") && media.path("examples").isEmpty()) {
                        wrong.add(op + " " + c.getKey() + ": body without an example");
                    }
                });
            }
        }
        assertThat(wrong).as("operations documented short").isEmpty();
    }

    @Test
    void theDirectiveExampleIsTheScenarioDirective() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/openapi/directive-example.yaml")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(Scenarios.directiveYaml("pk-5g-2026"));
        }
    }

    // --- the examples, posted

    private JsonNode body(String method, String path, String media) {
        return document.get("paths").get(path).get(method).get("requestBody").get("content").get(media);
    }

    /** The example {@code name} of the route's JSON body, as Swagger UI would fill it in. */
    private JsonNode example(String method, String path, String name) {
        JsonNode example = body(method, path, "application/json").get("examples").get(name);
        assertThat(example).as(method + " " + path + " has example " + name).isNotNull();
        return example.get("value").deepCopy();
    }

    /** Sends {@code body} and expects {@code status}: the example was accepted, not refused with a problem. */
    private JsonNode send(WebTestClient client, HttpMethod method, String documented, String uri, String media,
                          Object body, int status) {
        EntityExchangeResult<String> result = client.method(method).uri(uri)
                .contentType(MediaType.parseMediaType(media))
                .bodyValue(body instanceof JsonNode tree ? tree.toString() : body)
                .exchange().expectBody(String.class).returnResult();
        assertThat(result.getStatus().value()).as(method + " " + uri + " answered " + result.getResponseBody())
                .isEqualTo(status);
        accepted.add(method + " " + documented);
        return JSON.readTree(result.getResponseBody());
    }

    private JsonNode post(WebTestClient client, String documented, String uri, Object body, int status) {
        return send(client, HttpMethod.POST, documented, uri, "application/json", body, status);
    }

    @Test
    void theExamplesOfTheWriteRoutesAreAccepted() throws InterruptedException {
        // directives: the 2026 scenario directive, as YAML and as JSON, under a fresh id
        String directive = Scenarios.uniqueId("OPENAPI");
        String yaml = body("post", "/api/v1/directives", "application/yaml").get("example").asString()
                .replaceFirst("(?m)^id: .*$", "id: " + directive);
        ObjectNode json = (ObjectNode) body("post", "/api/v1/directives", "application/json").get("example")
                .deepCopy();
        json.put("id", directive);
        JsonNode registered = send(web, HttpMethod.POST, "/api/v1/directives", "/api/v1/directives",
                "application/yaml", yaml, 201);
        assertThat(send(web, HttpMethod.POST, "/api/v1/directives", "/api/v1/directives", "application/json",
                json, 200).get("sha256").asString()).as("the JSON example is the YAML one")
                .isEqualTo(registered.get("sha256").asString());
        assertThat(send(web, HttpMethod.POST, "/api/v1/directives/validation", "/api/v1/directives/validation",
                "application/yaml", body("post", "/api/v1/directives/validation", "application/yaml")
                        .get("example").asString(), 200).get("valid").booleanValue()).isTrue();
        send(web, HttpMethod.PUT, "/api/v1/directives/{id}/versions/{version}", "/api/v1/directives/" + directive
                + "/versions/1", "application/json", json, 200);

        // an auction of it: created, an applicant registered, qualification opened, the applicant disqualified
        ObjectNode create = (ObjectNode) example("post", "/api/v1/auctions", "pk-5g-2026");
        assertThat(create.get("directiveId").asString()).isEqualTo("PK-5G-2026");
        create.put("directiveId", directive);
        String auction = post(web, "/api/v1/auctions", "/api/v1/auctions", create, 201).get("id").asString();
        String bidder = post(web, "/api/v1/auctions/{id}/bidders", "/api/v1/auctions/" + auction + "/bidders",
                example("post", "/api/v1/auctions/{id}/bidders", "incumbent"), 201).get("id").asString();
        post(web, "/api/v1/auctions/{id}/transitions", "/api/v1/auctions/" + auction + "/transitions",
                example("post", "/api/v1/auctions/{id}/transitions", "qualification"), 200);
        post(web, "/api/v1/auctions/{id}/bidders/{bidderId}/disqualification", "/api/v1/auctions/" + auction
                + "/bidders/" + bidder + "/disqualification", example("post",
                "/api/v1/auctions/{id}/bidders/{bidderId}/disqualification", "reason"), 200);

        sealedStage();
        clockStage();
        regulatedIncrement();

        // an operator account and its token
        ObjectNode account = (ObjectNode) example("post", "/api/v1/accounts", "operator");
        String id = "jazz-" + UUID.randomUUID().toString().substring(0, 8);
        account.put("id", id);
        post(web, "/api/v1/accounts", "/api/v1/accounts", account, 201);
        assertThat(post(web, "/api/v1/accounts/{id}/tokens", "/api/v1/accounts/" + id + "/tokens",
                example("post", "/api/v1/accounts/{id}/tokens", "token"), 201).get("token").asString())
                .startsWith("ngms_");

        smraStage();

        // the form no state here takes: read by its strict reader without a violation
        List<Violation> violations = new ArrayList<>();
        AssignmentBids.read(example("post", "/api/v1/auctions/{id}/stages/{stage}/bids", "assignment"), violations);
        assertThat(violations).isEmpty();

        assertThat(accepted).as("examples posted and accepted").hasSize(17);
        System.out.println("OpenApiExamplesTest: " + accepted.size() + " examples accepted: " + accepted);
    }

    /** The Pakistan 2021 sealed stage of pre-bid offers at reserve, open: a sealed bid and a later deadline. */
    private void sealedStage() throws InterruptedException {
        String directive = Scenarios.uniqueId("OPENAPI-SEALED");
        web.post().uri("/api/v1/directives").contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(Scenarios.directiveYaml("pk-ngms-2021", directive)).exchange().expectStatus().isCreated();
        Instant now = Instant.now();
        Instant opens = now.plusSeconds(1);
        String auction = postJson(web, "/api/v1/auctions", Map.of("directiveId", directive, "schedule", Map.of(
                "applicationDeadline", now.toString(), "biddingOpens", opens.toString(),
                "stageOpenings", Map.of("sealed", opens.toString()),
                "stageClosings", Map.of("sealed", now.plusSeconds(600).toString()))), 201).get("id").asString();
        postJson(web, "/api/v1/auctions/" + auction + "/bidders", Map.of("id", "jazz", "organisation", "PMCL",
                "newEntrant", false, "deposit", 29_000_000, "requestedDemand", Map.of("2100", 1)), 201);
        qualifyAndOpenBidding(auction, List.of("jazz"));
        WebTestClient jazz = as(accountWithToken("OPERATOR", "jazz"));
        Thread.sleep(1_200);
        stages.openWindow(AuctionId.of(UUID.fromString(auction)), StageId.of("sealed"), Instant.now()).block();
        String stage = "/api/v1/auctions/" + auction + "/stages/sealed";
        post(jazz, "/api/v1/auctions/{id}/stages/{stage}/bids", stage + "/bids",
                example("post", "/api/v1/auctions/{id}/stages/{stage}/bids", "demand"), 201);
        post(web, "/api/v1/auctions/{id}/stages/{stage}/deadline", stage + "/deadline",
                example("post", "/api/v1/auctions/{id}/stages/{stage}/deadline", "later"), 200);
    }

    /** Round 1 of the 2026 allocation stage, open: a preview, the bid set, a later deadline. */
    private void clockStage() {
        String directive = Scenarios.uniqueId("OPENAPI-CLOCK");
        String auction = biddingAuction(directive, Scenarios.directiveYaml("pk-5g-2026", directive), "allocation",
                List.of("jazz", "zong"), 15_000_000);
        stages.openWindow(AuctionId.of(UUID.fromString(auction)), StageId.of("allocation"), Instant.now()).block();
        WebTestClient jazz = as(accountWithToken("OPERATOR", "jazz"));
        String round = "/api/v1/auctions/" + auction + "/stages/allocation/rounds/1";
        String bids = "/api/v1/auctions/{id}/stages/{stage}/rounds/{round}/bids";
        JsonNode preview = post(jazz, bids + "/preview", round + "/bids/preview",
                example("post", bids + "/preview", "clock"), 200);
        assertThat(preview.get("errors")).as(preview.toString()).isEmpty();
        assertThat(preview.get("accepted").booleanValue()).isTrue();
        post(jazz, bids, round + "/bids", example("post", bids, "clock"), 201);
        post(web, "/api/v1/auctions/{id}/stages/{stage}/rounds/{round}/deadline", round + "/deadline",
                example("post", "/api/v1/auctions/{id}/stages/{stage}/rounds/{round}/deadline", "later"), 200);
    }

    /** Round 1 of an SMRA of the 2014 licences (the 2014 directive with one SMRA stage): the SMRA example. */
    private void smraStage() throws InterruptedException {
        String directive = Scenarios.uniqueId("OPENAPI-SMRA");
        String yaml = Scenarios.smraOnlyDirective(directive);
        web.post().uri("/api/v1/directives").contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(yaml).exchange().expectStatus().isCreated();
        Instant now = Instant.now();
        String auction = postJson(web, "/api/v1/auctions", Map.of("directiveId", directive, "schedule", Map.of(
                "applicationDeadline", now.toString(), "biddingOpens", now.plusSeconds(1).toString(),
                "stageOpenings", Map.of("smra", now.plusSeconds(1).toString()))), 201).get("id").asString();
        postJson(web, "/api/v1/auctions/" + auction + "/bidders", Map.of("id", "jazz", "organisation", "JAZZ",
                "newEntrant", false, "deposit", 44_250_000L, "requestedDemand", Map.of("2100-10", 1)), 201);
        qualifyAndOpenBidding(auction, List.of("jazz"));
        WebTestClient jazz = as(accountWithToken("OPERATOR", "jazz"));
        Thread.sleep(1_200);
        stages.openWindow(AuctionId.of(UUID.fromString(auction)), StageId.of("smra"), Instant.now()).block();
        String bids = "/api/v1/auctions/{id}/stages/{stage}/rounds/{round}/bids";
        post(jazz, bids, "/api/v1/auctions/" + auction + "/stages/smra/rounds/1/bids", example("post", bids, "smra"),
                201);
    }

    /** The 2026 directive with the allocation's increment set by the regulator (2-10 %): round 2's increment. */
    private void regulatedIncrement() {
        String directive = Scenarios.uniqueId("OPENAPI-INCREMENT");
        String yaml = Scenarios.directiveYaml("pk-5g-2026", directive).replaceFirst(
                Pattern.quote("increment: { basis: PERCENT_OF_RESERVE, percent: \"5\" }"),
                "increment: { basis: REGULATOR_RANGE, minPercent: \"2\", maxPercent: \"10\" }");
        String auction = biddingAuction(directive, yaml, "allocation", List.of("jazz"), 15_000_000);
        stages.openWindow(AuctionId.of(UUID.fromString(auction)), StageId.of("allocation"), Instant.now()).block();
        String increment = "/api/v1/auctions/{id}/stages/{stage}/rounds/{round}/increment";
        post(web, increment, "/api/v1/auctions/" + auction + "/stages/allocation/rounds/2/increment",
                example("post", increment, "percent"), 200);
    }
}
