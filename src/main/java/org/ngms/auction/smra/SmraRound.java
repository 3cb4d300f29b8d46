package org.ngms.auction.smra;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.ngms.shared.Percent;

/**
 * One closed round of an SMRA stage, immutable: the stage is the list of them, and processing the same actions with
 * the same seed reproduces a round bit for bit ({@link SmraRoundJson#canonical}). Per licence: the minimum acceptable
 * bid it opened with and where it stands after the round. Per bidder: eligibility, activity, waiver, and eligibility
 * for the next round. The accepted bids with their tie numbers, the withdrawals, and the rejected actions.
 */
public record SmraRound(
        String stage,
        int number,
        Optional<Percent> increment,
        List<LicenceRound> licences,
        List<BidderRound> bidders,
        List<BidResult> bids,
        List<Withdrawal> withdrawals,
        List<SmraRejection> rejections) {

    public SmraRound {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(increment, "increment");
        licences = List.copyOf(licences);
        bidders = List.copyOf(bidders);
        bids = List.copyOf(bids);
        withdrawals = List.copyOf(withdrawals);
        rejections = List.copyOf(rejections);
    }

    /** The stopping rule: a round with no new bid, no proactive waiver and no withdrawal is the last. */
    public boolean endsStage() {
        return bids.isEmpty() && withdrawals.isEmpty()
                && bidders.stream().noneMatch(b -> b.waiver() == Waiver.PROACTIVE);
    }

    public LicenceRound licence(String id) {
        return licences.stream().filter(l -> l.licence().equals(id)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("round " + number + " has no licence " + id));
    }

    public Optional<BidderRound> bidder(String id) {
        return bidders.stream().filter(b -> b.bidder().equals(id)).findFirst();
    }

    /**
     * A licence's round: the minimum acceptable bid and increment it opened with, the number of accepted bids on it,
     * and its state after the round (see {@link SmraState.LicenceState}).
     */
    public record LicenceRound(String licence, long minimumAcceptableBid, Percent increment, int bids,
                               SmraState.LicenceState after) {
        public LicenceRound {
            Objects.requireNonNull(licence, "licence");
            Objects.requireNonNull(increment, "increment");
            Objects.requireNonNull(after, "after");
        }
    }

    /** Whether and how a bidder's eligibility was kept by a waiver this round. */
    public enum Waiver { NONE, PROACTIVE, AUTOMATIC }

    /**
     * A bidder's round: the eligibility it bid with; its activity (bidding units of the standing high bids carried in
     * and not withdrawn, plus those of its new bids); the requirement in force; the waiver used; whether it asked to
     * reduce its eligibility; what it has left; its eligibility for the next round; the licences it stands high on.
     */
    public record BidderRound(String bidder, int eligibility, long activity, Percent requirement, Waiver waiver,
                              boolean reduced, int waiversLeft, int withdrawalRoundsLeft, int nextEligibility,
                              SortedSet<String> standingHigh) {
        public BidderRound {
            Objects.requireNonNull(bidder, "bidder");
            Objects.requireNonNull(requirement, "requirement");
            Objects.requireNonNull(waiver, "waiver");
            standingHigh = Collections.unmodifiableSortedSet(new TreeSet<>(standingHigh));
        }
    }

    /** An accepted bid, its tie number (lower-case hex), and whether it became the standing high bid. */
    public record BidResult(String bidder, String licence, long amount, String tieNumber, boolean standingHigh) {
    }

    /** A standing high bid withdrawn this round. */
    public record Withdrawal(String bidder, String licence, long amount) {
    }
}
