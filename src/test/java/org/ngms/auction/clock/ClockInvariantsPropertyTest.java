package org.ngms.auction.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The invariants of the clock, checked every round of thousands of seeded random auctions: posted prices never fall
 * and clock prices never fall below them; a decrease never takes a product below supply; processed activity never
 * exceeds eligibility; eligibility never rises; caps always hold; the same bids and seed give the same bytes; the
 * fast processor gives exactly what the reference gives.
 */
class ClockInvariantsPropertyTest {

    private static final int AUCTIONS = 3000;
    private static final int MAX_ROUNDS = 40;

    @Test
    void everyInvariantHoldsInEveryRoundOfThousandsOfRandomAuctions() {
        int rounds = 0;
        int ended = 0;
        for (long seed = 1; seed <= AUCTIONS; seed++) {
            ClockStage fast = RandomAuctions.run(seed, new FastClockProcessor(), MAX_ROUNDS);
            invariantsHold(seed, fast);
            rounds += fast.rounds().size();
            ended += fast.ended() ? 1 : 0;
        }
        assertThat(rounds).isGreaterThan(AUCTIONS * 2);
        assertThat(ended).isGreaterThan(AUCTIONS * 9 / 10);
    }

    @Test
    void theFastProcessorAgreesWithTheReferenceByteForByte() {
        for (long seed = 1; seed <= AUCTIONS; seed++) {
            List<ClockRound> fast = RandomAuctions.run(seed, new FastClockProcessor(), MAX_ROUNDS).rounds();
            List<ClockRound> reference = RandomAuctions.run(seed, new ReferenceClockProcessor(), MAX_ROUNDS).rounds();
            assertThat(reference).as("seed %d", seed).hasSameSizeAs(fast);
            for (int i = 0; i < fast.size(); i++) {
                assertThat(ClockRoundJson.canonical(fast.get(i))).as("seed %d round %d", seed, i + 1)
                        .isEqualTo(ClockRoundJson.canonical(reference.get(i)));
            }
        }
    }

    @Test
    void theSameBidsAndSeedGiveTheSameBytes() {
        for (long seed = 1; seed <= 500; seed++) {
            List<ClockRound> first = RandomAuctions.run(seed, new FastClockProcessor(), MAX_ROUNDS).rounds();
            List<ClockRound> second = RandomAuctions.run(seed, new FastClockProcessor(), MAX_ROUNDS).rounds();
            assertThat(second).hasSameSizeAs(first);
            for (int i = 0; i < first.size(); i++) {
                assertThat(ClockRoundJson.bytes(second.get(i))).isEqualTo(ClockRoundJson.bytes(first.get(i)));
            }
        }
    }

    private static void invariantsHold(long seed, ClockStage stage) {
        ClockSetup setup = stage.setup();
        ClockRound previous = null;
        for (ClockRound round : stage.rounds()) {
            String at = "seed " + seed + " round " + round.number();
            for (ClockRound.ProductRound p : round.products()) {
                assertThat(p.clockPrice()).as(at).isGreaterThanOrEqualTo(p.startOfRound());
                assertThat(p.postedPrice()).as(at).isBetween(p.startOfRound(), p.clockPrice());
                if (previous != null) {
                    ClockRound.ProductRound before = previous.product(p.product());
                    assertThat(p.startOfRound()).as(at).isEqualTo(before.postedPrice());
                    assertThat(p.clockPrice()).as(at + " clock never below the last posted price")
                            .isGreaterThanOrEqualTo(before.postedPrice());
                    if (p.aggregateDemand() < before.aggregateDemand()) {
                        assertThat(p.aggregateDemand()).as(at + " decrease below supply").isGreaterThanOrEqualTo(
                                p.supply());
                    }
                }
            }
            for (ClockRound.BidderRound b : round.bidders()) {
                assertThat(b.activity()).as(at).isLessThanOrEqualTo(b.eligibility());
                assertThat(b.nextEligibility()).as(at).isLessThanOrEqualTo(b.eligibility());
                if (previous != null) {
                    assertThat(b.eligibility()).as(at)
                            .isEqualTo(previous.bidder(b.bidder()).orElseThrow().nextEligibility());
                }
                for (CapRule cap : setup.caps()) {
                    assertThat(cap.used(b.bidder(), b.processedDemand())).as(at + " cap")
                            .isLessThanOrEqualTo(cap.limitKhz());
                }
                for (var d : b.processedDemand().entrySet()) {
                    assertThat(d.getValue()).as(at).isBetween(1, setup.product(d.getKey()).orElseThrow()
                            .maxPerBidder());
                }
            }
            previous = round;
        }
    }
}
