package org.ngms.auction.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ngms.auction.clock.replay.ClockReplay;
import org.ngms.auction.clock.replay.ClockScriptReader;
import org.ngms.directive.Scenario;
import org.ngms.directive.ScenarioLoader;
import org.ngms.directive.ScenarioOutcome;

/** The real Pakistani clock auctions, replayed from their bid scripts through the stage code. */
class ClockReplayTest {

    private static final Path AJKGB = Path.of("scenarios", "ajkgb-ngms-2021");
    private static final Path PK5G = Path.of("scenarios", "pk-5g-2026");

    @Test
    void ajkGb2021ZongWinsBothProduct1BlocksForUsd14398000AfterEighteenRounds() {
        Scenario scenario = ScenarioLoader.load(AJKGB);
        ClockReplay.Result result = ClockReplay.run(AJKGB);
        ClockOutcome outcome = result.outcome().orElseThrow();

        assertThat(result.rounds()).hasSize(scenario.outcome().rounds().get("clock"));
        ScenarioOutcome.Award zong = scenario.outcome().award("zong").orElseThrow();
        ClockOutcome.Award won = outcome.award("zong").orElseThrow();
        assertThat(won.lots()).containsExactlyEntriesOf(Map.of("P1", zong.lots().get("P1")));
        long p2AtReserve = zong.lots().getOrDefault("P2", 0)
                * scenario.policy().lotCategory("P2").orElseThrow().reservePerBlock().amount();
        assertThat(won.total()).isEqualTo(zong.price().amount() - p2AtReserve).isEqualTo(14_398_000);
        assertThat(won.pricePerLot()).containsEntry("P1", 7_199_000L);
        assertThat(outcome.award("jazz")).isEmpty();
        assertThat(outcome.unsold()).isEmpty();
    }

    @Test
    void ajkGb2021ClockRisesByThreePercentOfThePostedPriceRoundedUpToUsd1000() {
        List<ClockRound> rounds = ClockReplay.run(AJKGB).rounds();
        long[] clock = rounds.stream().mapToLong(r -> r.product("P1").clockPrice()).toArray();
        assertThat(clock).startsWith(4_350_000, 4_481_000, 4_616_000, 4_755_000, 4_898_000, 5_045_000);
        assertThat(clock).endsWith(6_785_000, 6_989_000, 7_199_000);
        for (ClockRound r : rounds.subList(0, 17)) {
            assertThat(r.product("P1").aggregateDemand()).as("round %d", r.number()).isEqualTo(4);
            assertThat(r.product("P1").postedPrice()).isEqualTo(r.product("P1").clockPrice());
        }
        ClockRound last = rounds.get(17);
        assertThat(last.product("P1").aggregateDemand()).isEqualTo(2);
        assertThat(last.product("P1").excessDemand()).isZero();
        assertThat(last.product("P1").postedPrice()).isEqualTo(7_199_000);
    }

    @Test
    void pk5g2026EveryAwardUnsoldLotAndTheRevenueMatchTheOutcome() {
        Scenario scenario = ScenarioLoader.load(PK5G);
        ClockReplay.Result result = ClockReplay.run(PK5G);
        ClockOutcome outcome = result.outcome().orElseThrow();

        assertThat(result.rounds()).hasSize(scenario.outcome().rounds().get("allocation"));
        assertThat(outcome.awards()).hasSameSizeAs(scenario.outcome().awards());
        for (ScenarioOutcome.Award expected : scenario.outcome().awards()) {
            ClockOutcome.Award actual = outcome.award(expected.bidder()).orElseThrow();
            assertThat(actual.lots()).as(expected.bidder()).containsExactlyInAnyOrderEntriesOf(expected.lots());
            assertThat(actual.total()).as(expected.bidder()).isEqualTo(expected.price().amount());
        }
        assertThat(outcome.unsold()).containsExactlyInAnyOrderEntriesOf(scenario.outcome().unsold());
        assertThat(outcome.revenue()).isEqualTo(scenario.outcome().revenue().amount()).isEqualTo(507_375_000);
        assertThat(outcome.soldKhz()).isEqualTo(480_000);
        assertThat(outcome.offeredKhz()).isEqualTo(597_200);
        assertThat(outcome.success().orElseThrow().met()).isTrue();
        assertThat(outcome.exclusions()).isEmpty();
    }

    @Test
    void pk5g2026TheTwentySixHundredBandRoundByRound() {
        List<ClockRound> rounds = ClockReplay.run(PK5G).rounds();
        // round, start of round, clock price, posted price, aggregate demand, excess demand
        long[][] table = {
                {1, 12_500_000, 12_500_000, 12_500_000, 30, 11},
                {2, 12_500_000, 13_125_000, 13_125_000, 20, 1},
                {3, 13_125_000, 13_750_000, 13_125_000, 19, 0},
        };
        for (long[] row : table) {
            ClockRound.ProductRound p = rounds.get((int) row[0] - 1).product("2600");
            assertThat(new long[] {row[0], p.startOfRound(), p.clockPrice(), p.postedPrice(), p.aggregateDemand(),
                    p.excessDemand()}).as("round %d", row[0]).containsExactly(row);
        }
        assertThat(rounds.get(0).product("3500").aggregateDemand()).isEqualTo(20);
        for (String band : List.of("700", "1800", "2100", "2300", "3500")) {
            for (ClockRound r : rounds) {
                assertThat(r.product(band).clockPrice()).as(band).isEqualTo(r.product(band).startOfRound());
            }
        }
    }

    @Test
    void pk5g2026EveryBidderStaysWithinItsCapsAndEligibility() {
        ClockReplay.Result result = ClockReplay.run(PK5G);
        for (ClockRound r : result.rounds()) {
            for (ClockRound.BidderRound b : r.bidders()) {
                assertThat(b.activity()).isLessThanOrEqualTo(b.eligibility());
                for (CapRule cap : result.setup().caps()) {
                    assertThat(cap.used(b.bidder(), b.processedDemand())).as("%s %s", b.bidder(), cap.id())
                            .isLessThanOrEqualTo(cap.limitKhz());
                }
            }
            assertThat(r.rejections()).isEmpty();
            assertThat(r.bids()).allMatch(bid -> bid.status() == ClockRound.BidResult.Status.APPLIED);
        }
        assertThat(result.rounds().get(0).bidder("jazz").orElseThrow().eligibility()).isEqualTo(923);
    }

    @Test
    void aReplayIsReproducedByteForByte() {
        List<ClockRound> first = ClockReplay.run(PK5G).rounds();
        List<ClockRound> second = ClockReplay.run(ScenarioLoader.load(PK5G), ClockScriptReader.read(PK5G)).rounds();
        for (int i = 0; i < first.size(); i++) {
            assertThat(ClockRoundJson.canonical(second.get(i))).isEqualTo(ClockRoundJson.canonical(first.get(i)));
        }
    }

    /** The 2026 script with other opening prices and no product list (every product of the stage). */
    private static org.ngms.auction.clock.replay.ClockScript withOpeningPrices(Map<String, Long> opening) {
        var script = ClockScriptReader.read(PK5G);
        return new org.ngms.auction.clock.replay.ClockScript(script.directive(), script.stage(), script.seedHex(),
                List.of(), opening, script.bidders(), script.increments(), script.rounds().subList(0, 1));
    }

    @Test
    void openingPricesApplyWithoutAProductListAndTheOthersOpenAtReserve() {
        List<ClockRound> rounds = ClockReplay.run(ScenarioLoader.load(PK5G),
                withOpeningPrices(Map.of("2600", 16_500_000L))).rounds();

        assertThat(rounds.get(0).product("2600").clockPrice()).isEqualTo(16_500_000L);
        assertThat(rounds.get(0).product("3500").clockPrice()).isEqualTo(6_500_000L);
    }

    @Test
    void anOpeningPriceForAProductTheStageDoesNotHaveIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClockReplay.run(ScenarioLoader.load(PK5G),
                        withOpeningPrices(Map.of("2500", 1_000L))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("openingPrices names 2500, which is not a product of stage allocation");
    }
}
