package org.ngms.auction.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngms.shared.BidderId;
import org.ngms.shared.StageId;
import org.ngms.shared.AuctionId;
import org.ngms.NgmsApplication;
import org.ngms.auction.app.ClockBidding;
import org.ngms.support.IntegrationTestBase;
import org.ngms.support.Scenarios;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two service instances on one database, both running their stage schedulers every second: the sealed window closes
 * once and every clock round closes once — one STAGE_RESULT, one ROUND_RESULT per round, one next round — whichever
 * instance gets there first; bids reach either instance, and each instance's engine follows the rounds the other
 * closed. The same holds for the rounds of an SMRA stage.
 */
class TwoInstancesTest extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DatabaseClient db;

    private ConfigurableApplicationContext second;

    @AfterEach
    void stopTheSecondInstance() {
        if (second != null) {
            second.close();
        }
    }


    private long count(String chain, String type) {
        return db.sql("select count(*) from transcript where chain = :chain and type = :type")
                .bind("chain", chain).bind("type", type).map(row -> row.get(0, Long.class)).one().block();
    }

    private void await(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    @Test
    void everyWindowAndRoundClosesExactlyOnceWithTwoSchedulersRacing() throws InterruptedException {
        second = new SpringApplicationBuilder(NgmsApplication.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).properties("ngms.stages.tick=PT0.2S").run();

        String directive = Scenarios.uniqueId("AJKGB");
        web.post().uri("/api/v1/directives").contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(Scenarios.directiveYaml("ajkgb-ngms-2021", directive)).exchange().expectStatus().isCreated();
        Instant now = Instant.now();
        String auction = postJson(web, "/api/v1/auctions", Map.of("directiveId", directive, "schedule", Map.of(
                "applicationDeadline", now.toString(), "biddingOpens", now.plusSeconds(1).toString(),
                "stageOpenings", Map.of("sealed", now.plusSeconds(1).toString()),
                "stageClosings", Map.of("sealed", now.plusSeconds(6).toString()))), 201).get("id").asString();
        for (String b : List.of("jazz", "zong")) {
            postJson(web, "/api/v1/auctions/" + auction + "/bidders", Map.of("id", b, "organisation", b.toUpperCase(),
                    "newEntrant", false, "deposit", 870_000, "requestedDemand", Map.of("P1", 2)), 201);
        }
        qualifyAndOpenBidding(auction, List.of("jazz", "zong"));
        String chain = "auction:" + auction;
        await("the sealed window to open", () -> count(chain, "STAGE_OPENED") == 1);
        Map<String, WebTestClient> operators = Map.of("jazz", as(accountWithToken("OPERATOR", "jazz")),
                "zong", as(accountWithToken("OPERATOR", "zong")));
        operators.values().forEach(op -> postJson(op, "/api/v1/auctions/" + auction + "/stages/sealed/bids",
                Map.of("demand", Map.of("P1", 2)), 201));

        await("the clock's first round", () -> count(chain, "ROUND_OPENED") == 1);
        // both demand both blocks in round 1; later rounds maintain that demand (missing bids maintain)
        operators.values().forEach(op -> postJson(op, "/api/v1/auctions/" + auction + "/stages/clock/rounds/1/bids",
                Map.of("bids", List.of(Map.of("product", "P1", "quantity", 2))), 201));
        ClockBidding onTheSecond = second.getBean(ClockBidding.class);
        for (int round = 1; round <= 3; round++) {
            int r = round;
            // bids reach either instance: zong's round-2 reduction the second, jazz's round-3 one the first
            if (round == 2) {
                onTheSecond.submit("zong-operator", BidderId.of("zong"), AuctionId.of(UUID.fromString(auction)), StageId.of("clock"), 2,
                        JSON.readTree("{\"bids\":[{\"product\":\"P1\",\"quantity\":1}]}")).block();
            }
            if (round == 3) {
                postJson(operators.get("jazz"), "/api/v1/auctions/" + auction + "/stages/clock/rounds/3/bids",
                        Map.of("bids", List.of(Map.of("product", "P1", "quantity", 1))), 201);
            }
            // end the round now, for both schedulers at once
            db.sql("update clock_round set closes_at = now() where auction_id = :auction and round = :round")
                    .bind("auction", UUID.fromString(auction)).bind("round", r).fetch().rowsUpdated().block();
            await("round " + r + " to close", () -> count(chain, "ROUND_RESULT") == r);
            Thread.sleep(600);
        }

        assertThat(count(chain, "STAGE_CLOSED")).isEqualTo(1);
        assertThat(count(chain, "SEALED_BIDS_OPENED")).isEqualTo(1);
        assertThat(count(chain, "ROUND_RESULT")).isEqualTo(3);
        assertThat(count(chain, "ROUND_OPENED")).as("round 3 cleared: no round 4").isEqualTo(3);
        assertThat(db.sql("select count(*) from clock_round where auction_id = :auction")
                .bind("auction", UUID.fromString(auction)).map(row -> row.get(0, Long.class)).one()
                .block(Duration.ofSeconds(5))).isEqualTo(3);
        await("the outcome", () -> count(chain, "OUTCOME_PUBLISHED") == 1);
        // whichever instance closed each round, with its engine in memory or advanced from the database, the
        // rounds are those the bids make: 4, then 3 (zong's reduction), then 2 (jazz's): one block each
        JsonNode rounds = JSON.readTree(anonymous.get().uri("/api/v1/auctions/" + auction + "/stages/clock/rounds")
                .exchange().expectBody(String.class).returnResult().getResponseBody());
        assertThat(rounds.get(0).get("products").get(0).get("aggregateDemand").intValue()).isEqualTo(4);
        assertThat(rounds.get(1).get("products").get(0).get("aggregateDemand").intValue()).isEqualTo(3);
        assertThat(rounds.get(2).get("products").get(0).get("aggregateDemand").intValue()).isEqualTo(2);
        JsonNode outcome = JSON.readTree(anonymous.get().uri("/api/v1/auctions/" + auction + "/outcome").exchange()
                .expectBody(String.class).returnResult().getResponseBody()).get("outcome");
        assertThat(outcome.get("winners")).hasSize(2);
    }

    @Test
    void everySmraRoundClosesExactlyOnceWithTwoSchedulersRacingAndEitherInstanceTakesBids()
            throws InterruptedException {
        second = new SpringApplicationBuilder(NgmsApplication.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).properties("ngms.stages.tick=PT0.2S").run();

        String directive = Scenarios.uniqueId("PK-SMRA-2I");
        web.post().uri("/api/v1/directives").contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(SmraStageApiTest.smraOnlyDirective(directive)).exchange().expectStatus().isCreated();
        Instant now = Instant.now();
        String auction = postJson(web, "/api/v1/auctions", Map.of("directiveId", directive, "schedule", Map.of(
                "applicationDeadline", now.toString(), "biddingOpens", now.plusSeconds(1).toString(),
                "stageOpenings", Map.of("smra", now.plusSeconds(1).toString()))), 201).get("id").asString();
        for (String b : List.of("jazz", "zong", "telenor")) {
            postJson(web, "/api/v1/auctions/" + auction + "/bidders", Map.of("id", b, "organisation", b.toUpperCase(),
                    "newEntrant", false, "deposit", 44_250_000, "requestedDemand", Map.of("2100-10", 1)), 201);
        }
        qualifyAndOpenBidding(auction, List.of("jazz", "zong", "telenor"));
        String chain = "auction:" + auction;
        UUID id = UUID.fromString(auction);
        await("the SMRA's first round", () -> count(chain, "SMRA_ROUND_OPENED") == 1);
        ClockBidding onTheSecond = second.getBean(ClockBidding.class);
        postJson(as(accountWithToken("OPERATOR", "jazz")), "/api/v1/auctions/" + auction
                + "/stages/smra/rounds/1/bids", Map.of("bids", List.of(Map.of("licence", "2100-10-1",
                "amount", 295_000_000L))), 201);
        onTheSecond.submit("zong-operator", BidderId.of("zong"), AuctionId.of(id), StageId.of("smra"), 1,
                JSON.readTree("{\"bids\":[{\"licence\":\"2100-10-2\",\"amount\":295000000}]}")).block();
        for (int round = 1; round <= 3; round++) {
            int r = round;
            if (round == 2) {
                // round 2 opened at the range's minimum, 1 %: 295 m -> 297.95 m; the bid goes to the other instance
                onTheSecond.submit("telenor-operator", BidderId.of("telenor"), AuctionId.of(id), StageId.of("smra"),
                        2, JSON.readTree("{\"bids\":[{\"licence\":\"2100-10-1\",\"amount\":297950000}]}"))
                        .block();
            }
            db.sql("update clock_round set closes_at = now() where auction_id = :auction and round = :round")
                    .bind("auction", id).bind("round", r).fetch().rowsUpdated().block();
            await("SMRA round " + r + " to close", () -> count(chain, "SMRA_ROUND_RESULT") == r);
            Thread.sleep(600);
        }

        await("the outcome", () -> count(chain, "OUTCOME_PUBLISHED") == 1);
        assertThat(count(chain, "SMRA_ROUND_RESULT")).isEqualTo(3);
        assertThat(count(chain, "SMRA_ROUND_OPENED")).as("round 3 had no bid: no round 4").isEqualTo(3);
        assertThat(count(chain, "STAGE_RESULT")).isEqualTo(1);
        assertThat(db.sql("select count(*) from clock_round where auction_id = :auction").bind("auction", id)
                .map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(5))).isEqualTo(3);
        JsonNode outcome = JSON.readTree(anonymous.get().uri("/api/v1/auctions/" + auction + "/outcome").exchange()
                .expectBody(String.class).returnResult().getResponseBody()).get("outcome");
        assertThat(outcome.get("revenue").longValue()).isEqualTo(295_000_000L + 297_950_000L);
    }
}
