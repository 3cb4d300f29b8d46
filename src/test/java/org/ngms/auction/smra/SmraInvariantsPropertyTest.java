package org.ngms.auction.smra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ngms.auction.clock.CapRule;

/**
 * The invariants of the SMRA, checked every round of thousands of seeded random auctions: standing high bids never
 * fall (a withdrawal hands the licence to the regulator instead); the minimum acceptable bid is above a standing high
 * bid; eligibility never rises and activity never exceeds it; caps always hold; the stage always ends; the same
 * actions and seed give the same bytes; the incremental processor gives exactly what the reference gives.
 */
class SmraInvariantsPropertyTest {

    private static final int AUCTIONS = 3000;
    private static final int COMPARED = 1000;
    private static final int MAX_ROUNDS = 200;

    @Test
    void everyInvariantHoldsInEveryRoundOfThousandsOfRandomAuctions() {
        int rounds = 0;
        int withdrawals = 0;
        int waivers = 0;
        int tied = 0;
        for (long seed = 1; seed <= AUCTIONS; seed++) {
            SmraStage stage = RandomSmraAuctions.run(seed, new IncrementalSmraProcessor(), MAX_ROUNDS);
            assertThat(stage.ended()).as("seed %d ends within %d rounds", seed, MAX_ROUNDS).isTrue();
            invariantsHold(seed, stage);
            rounds += stage.rounds().size();
            for (SmraRound r : stage.rounds()) {
                withdrawals += r.withdrawals().size();
                waivers += (int) r.bidders().stream().filter(b -> b.waiver() != SmraRound.Waiver.NONE).count();
                tied += (int) r.licences().stream().filter(l -> r.bids().stream()
                        .filter(b -> b.licence().equals(l.licence()) && b.amount() == l.after().standingBid())
                        .count() > 1).count();
            }
        }
        assertThat(rounds).isGreaterThan(AUCTIONS * 2);
        assertThat(withdrawals).as("withdrawals exercised").isGreaterThan(50);
        assertThat(waivers).as("waivers exercised").isGreaterThan(500);
        assertThat(tied).as("ties exercised").isGreaterThan(50);
    }

    @Test
    void theIncrementalProcessorAgreesWithTheReferenceByteForByte() {
        for (long seed = 1; seed <= COMPARED; seed++) {
            List<SmraRound> fast = RandomSmraAuctions.run(seed, new IncrementalSmraProcessor(), MAX_ROUNDS).rounds();
            List<SmraRound> reference = RandomSmraAuctions.run(seed, new ReferenceSmraProcessor(), MAX_ROUNDS)
                    .rounds();
            assertThat(reference).as("seed %d", seed).hasSameSizeAs(fast);
            for (int i = 0; i < fast.size(); i++) {
                assertThat(SmraRoundJson.canonical(reference.get(i))).as("seed %d round %d", seed, i + 1)
                        .isEqualTo(SmraRoundJson.canonical(fast.get(i)));
            }
        }
    }

    @Test
    void theSameActionsAndSeedGiveTheSameBytes() {
        for (long seed = 1; seed <= 500; seed++) {
            List<SmraRound> first = RandomSmraAuctions.run(seed, new IncrementalSmraProcessor(), MAX_ROUNDS).rounds();
            List<SmraRound> second = RandomSmraAuctions.run(seed, new IncrementalSmraProcessor(), MAX_ROUNDS).rounds();
            assertThat(second).hasSameSizeAs(first);
            for (int i = 0; i < first.size(); i++) {
                assertThat(SmraRoundJson.bytes(second.get(i))).isEqualTo(SmraRoundJson.bytes(first.get(i)));
            }
        }
    }

    private static void invariantsHold(long seed, SmraStage stage) {
        SmraSetup setup = stage.setup();
        SmraRound previous = null;
        for (SmraRound round : stage.rounds()) {
            String at = "seed " + seed + " round " + round.number();
            for (SmraRound.LicenceRound l : round.licences()) {
                SmraState.LicenceState after = l.after();
                if (previous == null) {
                    continue;
                }
                SmraState.LicenceState before = previous.licence(l.licence()).after();
                boolean withdrawn = round.withdrawals().stream().anyMatch(w -> w.licence().equals(l.licence()));
                if (before.holding() == SmraState.Holding.STANDING) {
                    assertThat(l.minimumAcceptableBid()).as(at).isGreaterThan(before.standingBid());
                    if (!withdrawn) {
                        assertThat(after.holding()).as(at).isEqualTo(SmraState.Holding.STANDING);
                        assertThat(after.standingBid()).as(at + " standing high bids never fall")
                                .isGreaterThanOrEqualTo(before.standingBid());
                    }
                }
            }
            for (SmraRound.BidderRound b : round.bidders()) {
                assertThat(b.activity()).as(at).isLessThanOrEqualTo(b.eligibility());
                assertThat(b.nextEligibility()).as(at + " eligibility never rises").isLessThanOrEqualTo(
                        b.eligibility());
                assertThat(b.waiversLeft()).as(at).isBetween(0, setup.waivers());
                if (previous != null) {
                    assertThat(b.eligibility()).as(at)
                            .isEqualTo(previous.bidder(b.bidder()).orElseThrow().nextEligibility());
                }
                Map<String, Integer> held = new java.util.HashMap<>();
                b.standingHigh().forEach(l -> held.put(l, 1));
                for (CapRule cap : setup.caps()) {
                    assertThat(cap.used(b.bidder(), held)).as(at + " cap").isLessThanOrEqualTo(cap.limitKhz());
                }
            }
            previous = round;
        }
    }
}
