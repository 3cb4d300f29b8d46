package org.ngms.auction.clock;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.ngms.shared.Percent;

/**
 * Recomputing recorded clock rounds: the one path by which the service rebuilds a stage's engine after a restart or
 * on another instance (with the fast processor) and the offline verifier recomputes every round (with the
 * reference processor). A round is opened with the increment its {@code ROUND_OPENED} records, processed with the bid
 * sets its {@code ROUND_RESULT} lists, and must give, byte for byte, the result recorded there.
 */
public final class ClockRoundReplay {

    private ClockRoundReplay() {
    }

    /** A round as the transcript records it. */
    public record Recorded(int round, Optional<Percent> increment, List<Bid> bids, String resultCanonical) {
        public Recorded {
            bids = List.copyOf(bids);
        }
    }

    /** A recomputed round: the stage after it, the round and its canonical bytes. */
    public record Replayed(ClockStage stage, ClockRound round, String canonical) {
        public boolean matches(String recordedCanonical) {
            return canonical.equals(recordedCanonical);
        }
    }

    /**
     * Round {@code stage.nextRound()} opened with {@code increment} and processed with {@code bids}.
     *
     * @throws IllegalArgumentException if the stage does not open such a round (it has ended, or the increment is
     *                                  not one the directive allows)
     */
    public static Replayed next(ClockStage stage, Optional<Percent> increment, Collection<Bid> bids) {
        ClockDecision<RoundPrices> opened = stage.open(increment);
        if (opened instanceof ClockDecision.Rejected<RoundPrices> rejected) {
            throw new IllegalArgumentException("round " + stage.nextRound() + " of clock stage "
                    + stage.setup().stageId() + " cannot open: " + rejected.rejection().message());
        }
        ClockStage after = stage.close(opened.orElseThrow(), bids);
        ClockRound round = after.rounds().get(after.rounds().size() - 1);
        return new Replayed(after, round, ClockRoundJson.canonical(round));
    }

    /**
     * The stage after the recorded rounds, recomputed in order from where {@code from} stands, each checked against
     * its recorded result.
     *
     * @throws Mismatch naming the first round whose recomputation differs from its record (or that is missing)
     */
    public static ClockStage replay(ClockStage from, List<Recorded> rounds) {
        ClockStage stage = from;
        for (Recorded r : rounds) {
            if (r.round() != stage.nextRound()) {
                throw new Mismatch(r.round(), "the recorded rounds jump from round " + stage.rounds().size()
                        + " to round " + r.round());
            }
            Replayed replayed = next(stage, r.increment(), r.bids());
            if (!replayed.matches(r.resultCanonical())) {
                throw new Mismatch(r.round(), "round " + r.round() + " of clock stage " + stage.setup().stageId()
                        + " recomputed from its recorded bids differs from its recorded result (recomputed SHA-256 "
                        + ClockRoundJson.sha256(replayed.round()) + ")");
            }
            stage = replayed.stage();
        }
        return stage;
    }

    /** A recorded round that its bids do not reproduce: an engine built past it would not match the record. */
    public static final class Mismatch extends IllegalStateException {

        private final int round;

        public Mismatch(int round, String message) {
            super(message);
            this.round = round;
        }

        public int round() {
            return round;
        }
    }
}
