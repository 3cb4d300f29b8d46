package org.ngms.auction.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ngms.shared.StageId;
import org.ngms.shared.AuctionId;
import org.ngms.auction.app.ClockEngines;
import org.ngms.auction.app.ClockRounds;
import org.ngms.auction.app.StageFailures;
import org.ngms.auction.app.StageService;
import org.ngms.support.IntegrationTestBase;
import org.ngms.support.Scenarios;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clock engine in the service: it lives in memory from round to round, holds a stage of well over a hundred
 * rounds, is rebuilt after a restart (checked against every stored round), refuses to go on from a stored round it
 * cannot reproduce, and such a failing auction does not stop another one's rounds. The AJK &amp; GB 2021 auction:
 * the sealed stage escalates product 1 with Jazz and Zong demanding 2 blocks each, which is the clock's starting
 * demand.
 */
class ClockEngineServiceTest extends EscalatedClockTestBase {


    @Autowired
    ClockRounds rounds;

    @Autowired
    ClockEngines engines;

    @Autowired
    StageFailures failures;

    @Autowired
    DatabaseClient db;

    private void close(Running r, int round) {
        rounds.close(AuctionId.of(r.id()), StageId.of("clock"), round, Instant.now()).block(WAIT);
    }

    private JsonNode bid(WebTestClient client, Running r, int round, int quantity, int status) {
        return postJson(client, r.uri("/stages/clock/rounds/" + round + "/bids"),
                Map.of("bids", List.of(Map.of("product", "P1", "quantity", quantity))), status);
    }

    @Test
    void aStageRunsPastAHundredRoundsAndTheEscalatedDemandIsTheStartingDemand() throws InterruptedException {
        Running r = escalatedToTheClock();
        // nobody bids: both keep the demand the sealed stage escalated (missing bids maintain it at the clock price)
        for (int round = 1; round <= 110; round++) {
            close(r, round);
        }
        JsonNode all = get(anonymous, r.uri("/stages/clock/rounds"));
        assertThat(all).hasSize(111);
        assertThat(all.get(0).get("products").get(0).get("aggregateDemand").intValue()).isEqualTo(4);
        assertThat(all.get(109).get("products").get(0).get("aggregateDemand").intValue()).isEqualTo(4);
        assertThat(all.get(110).get("state").asString()).isEqualTo("OPEN");

        bid(r.zong(), r, 111, 0, 201);
        close(r, 111);
        JsonNode winners = get(anonymous, r.uri("/outcome")).get("outcome").get("winners");
        assertThat(winners).hasSize(1);
        assertThat(winners.get(0).toString()).contains("\"bidder\":\"jazz\"");
        long posted = all.get(109).get("products").get(0).get("postedPrice").longValue();
        // the price rose by 3 % a round (rounded up to USD 1,000) for 110 rounds: over 25 times the reserve
        assertThat(posted).isGreaterThan(25 * 4_350_000L);
    }

    @Test
    void aBidSetTheRoundWouldRejectIsRefusedAtSubmissionAndNothingIsStored() throws InterruptedException {
        Running r = escalatedToTheClock();
        JsonNode refused = postJson(r.jazz(), r.uri("/stages/clock/rounds/1/bids"), Map.of("bids", List.of(
                Map.of("product", "P1", "quantity", 0), Map.of("product", "P1", "quantity", 2))), 422);
        assertThat(refused.get("code").asString()).isEqualTo("duplicate-bid");
        assertThat(refused.get("errors").get(0).get("path").asString()).isEqualTo("bids[1]");
        assertThat(get(r.jazz(), r.uri("/stages/clock/rounds/1/mine")).get("submissions")).isEmpty();

        close(r, 1);
        JsonNode jazz = get(r.jazz(), r.uri("/stages/clock/rounds/1/mine")).get("result");
        assertThat(jazz.get("processedDemand").get("P1").intValue()).isEqualTo(2);
    }

    @Test
    void concurrentSubmissionsGetDistinctVersionsOrAConflictAndNothingIsStoredTwice() throws InterruptedException {
        Running r = escalatedToTheClock();
        List<Integer> statuses = reactor.core.publisher.Flux.range(0, 12)
                .flatMap(i -> reactor.core.publisher.Mono.fromCallable(() -> (i % 2 == 0 ? r.jazz() : r.zong())
                                .post().uri(r.uri("/stages/clock/rounds/1/bids"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("bids", List.of(Map.of("product", "P1", "quantity", 2))))
                                .exchange().returnResult(String.class).getStatus().value())
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()), 12)
                .collectList().block(WAIT);
        assertThat(statuses).allSatisfy(status -> assertThat(status).isIn(201, 409));
        long accepted = statuses.stream().filter(status -> status == 201).count();
        List<Integer> versions = db.sql("select version from clock_bid where auction_id = :a order by bidder_id, "
                        + "version").bind("a", r.id()).map(row -> row.get("version", Integer.class)).all()
                .collectList().block(WAIT);
        Long recorded = db.sql("select count(*) from transcript where chain = :c and type = 'CLOCK_BIDS_SUBMITTED'")
                .bind("c", "auction:" + r.id()).map(row -> row.get(0, Long.class)).one().block(WAIT);
        assertThat(versions).hasSize((int) accepted);
        assertThat(recorded).isEqualTo(accepted);
        assertThat(get(r.jazz(), r.uri("/stages/clock/rounds/1/mine")).get("submissions")).isNotEmpty();
    }

    @Test
    void anEngineRebuiltAfterARestartGoesOnWithTheSameRounds() throws InterruptedException {
        Running cached = escalatedToTheClock();
        Running restarted = escalatedToTheClock();
        for (Running r : List.of(cached, restarted)) {
            for (int round = 1; round <= 6; round++) {
                if (r == restarted) {
                    engines.forget(AuctionId.of(r.id()), StageId.of("clock")); // what a restart (or another instance) starts from
                }
                if (round == 4) {
                    bid(r.jazz(), r, round, 1, 201);
                }
                close(r, round);
            }
        }
        // the engine kept in memory throughout, rebuilt from the stored bids, reproduces every stored round byte for
        // byte (the rebuild checks each one and refuses otherwise) and stands where the in-memory one stood
        ClockEngines.LiveClock inMemory = engines.after(AuctionId.of(cached.id()), StageId.of("clock"), 6).block(WAIT);
        engines.forget(AuctionId.of(cached.id()), StageId.of("clock"));
        ClockEngines.LiveClock rebuilt = engines.after(AuctionId.of(cached.id()), StageId.of("clock"), 6).block(WAIT);
        assertThat(rebuilt).isNotSameAs(inMemory);
        assertThat(rebuilt.stage().rounds()).isEqualTo(inMemory.stage().rounds());
        assertThat(rebuilt.next()).isEqualTo(inMemory.next());
        // the auction rebuilt before every round went the same way (tie numbers aside: each auction has its own seed)
        assertThat(withoutTieNumbers(storedRounds(restarted.id()))).hasSize(6)
                .isEqualTo(withoutTieNumbers(storedRounds(cached.id())));
    }

    private static List<String> withoutTieNumbers(List<String> rounds) {
        return rounds.stream().map(r -> r.replaceAll("\"tieNumber\":\"?[0-9a-f]+\"?", "")).toList();
    }

    @Test
    void anEngineThatCannotReproduceAStoredRoundIsNotUsedAndOtherAuctionsGoOn() throws InterruptedException {
        Running broken = escalatedToTheClock();
        Running healthy = escalatedToTheClock();
        close(broken, 1);
        close(broken, 2);
        close(healthy, 1);
        // a recorded round result that its bids do not reproduce: someone with the database's superuser rights
        // switched the transcript's append-only trigger off and edited round 1's ROUND_RESULT
        db.sql("alter table transcript disable trigger transcript_append_only").then()
                .then(db.sql("update transcript set record_json = replace(record_json, '\"aggregateDemand\":4', "
                                + "'\"aggregateDemand\":3') where chain = :chain and type = 'ROUND_RESULT' "
                                + "and record_json like '%\"round\":1,%'")
                        .bind("chain", "auction:" + broken.id()).fetch().rowsUpdated())
                .then(db.sql("alter table transcript enable trigger transcript_append_only").then())
                .block(WAIT);
        engines.forget(AuctionId.of(broken.id()), StageId.of("clock"));

        JsonNode refused = bid(broken.jazz(), broken, 3, 2, 500);
        assertThat(refused.toString()).doesNotContain("aggregateDemand");
        JsonNode open = get(anonymous, broken.uri("/stages/clock/rounds")).get(2);
        assertThat(open.get("state").asString()).isEqualTo("OPEN");
        assertThat(open.get("pricesUnavailable").booleanValue()).as("listed without the engine's prices").isTrue();
        assertThat(open.has("prices")).isFalse();

        // the scheduler: the broken auction's close fails and is reported; the healthy one's closes
        db.sql("update clock_round set closes_at = now() - interval '1 minute' where auction_id in (:a, :b) "
                        + "and state = 'OPEN'")
                .bind("a", broken.id()).bind("b", healthy.id()).fetch().rowsUpdated().block(WAIT);
        stages.tick(Instant.now()).block(WAIT);
        assertThat(get(anonymous, healthy.uri("/stages/clock/rounds"))).hasSize(3);
        assertThat(get(anonymous, broken.uri("/stages/clock/rounds"))).hasSize(3);
        assertThat(failures.current()).containsKey(broken.id() + "/clock");
        assertThat(failures.current().get(broken.id() + "/clock").error()).contains("round 1 ")
                .contains("differs from its recorded result");
        assertThat(failures.due(broken.id(), "clock", Instant.now())).isFalse();
        assertThat(failures.current()).doesNotContainKey(healthy.id() + "/clock");
        // the first failure of the run is in the auction's transcript, for observers and auditors; a retry after
        // the back-off that fails again is not recorded again
        String failedOnce = "select count(*) from transcript where chain = :c and type = 'STAGE_OPERATION_FAILED' "
                + "and record_json like '%close of round 3%'";
        assertThat(db.sql(failedOnce).bind("c", "auction:" + broken.id()).map(row -> row.get(0, Long.class)).one()
                .block(WAIT)).isEqualTo(1L);
        stages.tick(Instant.now().plusSeconds(2)).block(WAIT);
        assertThat(failures.current().get(broken.id() + "/clock").attempts()).isEqualTo(2);
        assertThat(db.sql(failedOnce).bind("c", "auction:" + broken.id()).map(row -> row.get(0, Long.class)).one()
                .block(WAIT)).isEqualTo(1L);
        // the regulator sees the failure in the health endpoint; the public sees only that the service is UP
        String health = web.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(health).contains("\"status\":\"UP\"").contains(broken.id() + "/clock")
                .contains("close of round 3");
        String publicHealth = anonymous.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(publicHealth).contains("\"status\":\"UP\"").doesNotContain(broken.id().toString());
    }

    private List<String> storedRounds(UUID auction) {
        return db.sql("select round_json from clock_round where auction_id = :a and round_json is not null "
                        + "order by round")
                .bind("a", auction).map(row -> row.get("round_json", String.class)).all().collectList().block(WAIT);
    }
}
