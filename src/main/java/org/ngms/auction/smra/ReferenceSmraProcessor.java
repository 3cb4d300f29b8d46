package org.ngms.auction.smra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.ngms.audit.Randomness;
import org.ngms.shared.Percent;

/**
 * The round processing written as plainly as the rulebook, as the oracle of {@link IncrementalSmraProcessor}: it
 * keeps nothing between rounds. Every question (who stands high on a licence after round t, which bids were
 * withdrawn, a bidder's eligibility in round t) is answered by walking the recorded actions from round 1, and tie
 * numbers come straight from {@link Randomness#derive}. Slow on purpose.
 */
public final class ReferenceSmraProcessor implements SmraProcessor {

    /** The actions of one round as recorded: accepted bids, withdrawals, proactive waivers, reductions asked for. */
    private record Actions(int round, List<SmraRound.BidResult> bids, List<SmraRound.Withdrawal> withdrawals,
                           Set<String> waivers, Set<String> reductions) {
    }

    /** A bid placed, with its round. */
    private record Placed(int round, String bidder, String licence, long amount, byte[] tie) {
    }

    /** Who holds a licence after some round: the standing bid, or the regulator, or nobody. */
    private record Holder(Optional<Placed> bid, boolean regulator) {
    }

    private static final Comparator<Placed> BEST_FIRST = Comparator.comparingLong(Placed::amount).reversed()
            .thenComparing((a, b) -> Arrays.compareUnsigned(a.tie(), b.tie()))
            .thenComparing(Placed::bidder);

    @Override
    public SmraState state(SmraSetup setup, List<SmraRound> rounds) {
        return stateAfter(setup, recorded(rounds), rounds.size());
    }

    @Override
    public SmraRound process(SmraSetup setup, List<SmraRound> rounds, SmraPrices prices,
                             SortedMap<String, SmraActions> valid, List<SmraRejection> rejections) {
        int n = prices.round();
        List<Actions> history = recorded(rounds);
        history.add(actionsOf(setup, n, valid, stateAfter(setup, history, n - 1)));
        SmraState before = stateAfter(setup, history, n - 1);
        SmraState after = stateAfter(setup, history, n);
        Actions now = history.get(n - 1);

        List<SmraRound.LicenceRound> licences = new ArrayList<>();
        for (String id : after.licences().keySet()) {
            SmraPrices.LicencePrices p = prices.of(id);
            int bids = (int) now.bids().stream().filter(b -> b.licence().equals(id)).count();
            licences.add(new SmraRound.LicenceRound(id, p.minimumAcceptableBid(), p.increment(), bids,
                    after.licence(id)));
        }
        List<SmraRound.BidderRound> bidders = new ArrayList<>();
        for (String id : after.bidders().keySet()) {
            SmraState.BidderState was = before.bidder(id);
            SmraState.BidderState is = after.bidder(id);
            bidders.add(new SmraRound.BidderRound(id, was.eligibility(), activity(setup, history, n, id),
                    setup.requirement(n), waiver(setup, history, n, id, was), now.reductions().contains(id),
                    is.waiversLeft(), is.withdrawalRoundsLeft(), is.eligibility(), after.standingHigh(id)));
        }
        List<SmraRound.BidResult> bids = new ArrayList<>();
        for (SmraRound.BidResult b : now.bids()) {
            boolean standing = after.licence(b.licence()).standingHigh(b.bidder());
            bids.add(new SmraRound.BidResult(b.bidder(), b.licence(), b.amount(), b.tieNumber(), standing));
        }
        return new SmraRound(setup.stageId(), n, prices.increment(), licences, bidders, bids, now.withdrawals(),
                rejections);
    }

    private static List<Actions> recorded(List<SmraRound> rounds) {
        List<Actions> history = new ArrayList<>();
        for (SmraRound r : rounds) {
            Set<String> waivers = new TreeSet<>();
            Set<String> reductions = new TreeSet<>();
            for (SmraRound.BidderRound b : r.bidders()) {
                if (b.waiver() == SmraRound.Waiver.PROACTIVE) {
                    waivers.add(b.bidder());
                }
                if (b.reduced()) {
                    reductions.add(b.bidder());
                }
            }
            history.add(new Actions(r.number(), r.bids(), r.withdrawals(), waivers, reductions));
        }
        return history;
    }

    /** The actions of round {@code n}, bids sorted by licence then bidder, each with its tie number. */
    private static Actions actionsOf(SmraSetup setup, int n, SortedMap<String, SmraActions> valid, SmraState before) {
        byte[] seed = HexFormat.of().parseHex(setup.seedHex());
        List<SmraRound.BidResult> bids = new ArrayList<>();
        List<SmraRound.Withdrawal> withdrawals = new ArrayList<>();
        Set<String> waivers = new TreeSet<>();
        Set<String> reductions = new TreeSet<>();
        for (SmraActions a : valid.values()) {
            for (SmraBid b : a.bids()) {
                byte[] tie = Randomness.derive(seed, SmraRules.tieContext(setup.stageId(), n, a.bidder(),
                        b.licence()));
                bids.add(new SmraRound.BidResult(a.bidder(), b.licence(), b.amount(), HexFormat.of().formatHex(tie),
                        false));
            }
            for (String w : a.withdrawals()) {
                withdrawals.add(new SmraRound.Withdrawal(a.bidder(), w, before.licence(w).standingBid()));
            }
            if (a.waiver()) {
                waivers.add(a.bidder());
            }
            if (a.reduceEligibility()) {
                reductions.add(a.bidder());
            }
        }
        bids.sort(Comparator.comparing(SmraRound.BidResult::licence).thenComparing(SmraRound.BidResult::bidder));
        withdrawals.sort(Comparator.comparing(SmraRound.Withdrawal::licence));
        return new Actions(n, bids, withdrawals, waivers, reductions);
    }

    /** The state after round {@code r} of {@code history}, every part recomputed from round 1. */
    private static SmraState stateAfter(SmraSetup setup, List<Actions> history, int r) {
        SortedMap<String, SmraState.LicenceState> licences = new TreeMap<>();
        for (SmraLicence l : setup.licences()) {
            Holder h = holder(history, l.id(), r);
            long index = 0;
            if (setup.increment() instanceof SmraIncrement.ActivityBased rule) {
                for (int t = 1; t <= r; t++) {
                    index = SmraRules.nextActivityIndex(rule, index, placed(history, l.id(), t).size());
                }
            }
            long runnerUp = 0;
            for (int t = 1; t <= r; t++) {
                for (Placed p : placed(history, l.id(), t)) {
                    boolean isStanding = h.bid().filter(s -> s.round() == p.round() && s.bidder().equals(p.bidder()))
                            .isPresent();
                    if (!isStanding && !withdrawn(history, p, r)) {
                        runnerUp = Math.max(runnerUp, p.amount());
                    }
                }
            }
            SmraState.LicenceState state;
            if (h.bid().isPresent()) {
                state = new SmraState.LicenceState(SmraState.Holding.STANDING, Optional.of(h.bid().get().bidder()),
                        h.bid().get().amount(), runnerUp, index);
            } else if (h.regulator()) {
                state = new SmraState.LicenceState(SmraState.Holding.REGULATOR_HELD, Optional.empty(), 0, runnerUp,
                        index);
            } else {
                state = new SmraState.LicenceState(SmraState.Holding.NO_BID, Optional.empty(), 0, 0, index);
            }
            licences.put(l.id(), state);
        }
        SortedMap<String, SmraState.BidderState> bidders = new TreeMap<>();
        for (SmraBidder b : setup.bidders()) {
            SmraState.BidderState s = new SmraState.BidderState(b.eligibility(), setup.waivers(),
                    setup.withdrawalRounds());
            for (int t = 1; t <= r; t++) {
                SmraRound.Waiver used = waiver(setup, history, t, b.id(), s);
                long activity = activity(setup, history, t, b.id());
                int next = used == SmraRound.Waiver.NONE
                        ? SmraRules.reducedEligibility(s.eligibility(), activity, setup.requirement(t))
                        : s.eligibility();
                boolean withdrew = history.get(t - 1).withdrawals().stream()
                        .anyMatch(w -> w.bidder().equals(b.id()));
                s = new SmraState.BidderState(next, s.waiversLeft() - (used == SmraRound.Waiver.NONE ? 0 : 1),
                        s.withdrawalRoundsLeft() - (withdrew ? 1 : 0));
            }
            bidders.put(b.id(), s);
        }
        return new SmraState(r + 1, licences, bidders);
    }

    /** Who holds {@code licence} after round {@code r}: walk the rounds, withdrawals first, then that round's bids. */
    private static Holder holder(List<Actions> history, String licence, int r) {
        Holder h = new Holder(Optional.empty(), false);
        for (int t = 1; t <= r; t++) {
            int round = t;
            if (history.get(t - 1).withdrawals().stream().anyMatch(w -> w.licence().equals(licence))) {
                h = new Holder(Optional.empty(), true);
            }
            Optional<Placed> best = placed(history, licence, round).stream().min(BEST_FIRST);
            if (best.isPresent() && (h.bid().isEmpty() || best.get().amount() > h.bid().get().amount())) {
                h = new Holder(best, false);
            }
        }
        return h;
    }

    /** Whether bid {@code p} was withdrawn by round {@code r}: it stood high when its bidder withdrew the licence. */
    private static boolean withdrawn(List<Actions> history, Placed p, int r) {
        for (int t = p.round() + 1; t <= r; t++) {
            int round = t;
            boolean withdrawnNow = history.get(t - 1).withdrawals().stream()
                    .anyMatch(w -> w.licence().equals(p.licence()) && w.bidder().equals(p.bidder()));
            Optional<Placed> standing = holder(history, p.licence(), round - 1).bid();
            if (withdrawnNow && standing.filter(s -> s.round() == p.round() && s.bidder().equals(p.bidder()))
                    .isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static List<Placed> placed(List<Actions> history, String licence, int t) {
        List<Placed> placed = new ArrayList<>();
        for (SmraRound.BidResult b : history.get(t - 1).bids()) {
            if (b.licence().equals(licence)) {
                placed.add(new Placed(t, b.bidder(), licence, b.amount(), HexFormat.of().parseHex(b.tieNumber())));
            }
        }
        return placed;
    }

    /**
     * A bidder's activity in round t: bidding units of the licences it stood high on after round t−1 and did not
     * withdraw in round t, plus those of its bids in round t.
     */
    private static long activity(SmraSetup setup, List<Actions> history, int t, String bidder) {
        long activity = 0;
        for (SmraLicence l : setup.licences()) {
            boolean carried = holder(history, l.id(), t - 1).bid().filter(p -> p.bidder().equals(bidder)).isPresent();
            boolean withdrew = history.get(t - 1).withdrawals().stream()
                    .anyMatch(w -> w.licence().equals(l.id()) && w.bidder().equals(bidder));
            boolean bid = history.get(t - 1).bids().stream()
                    .anyMatch(b -> b.licence().equals(l.id()) && b.bidder().equals(bidder));
            if ((carried && !withdrew) || bid) {
                activity += l.biddingUnits();
            }
        }
        return activity;
    }

    /**
     * The waiver of round t: a proactive one if asked for; none if the bidder asked to reduce its eligibility;
     * otherwise an automatic one when short of activity, automatic waivers are on and one is left.
     */
    private static SmraRound.Waiver waiver(SmraSetup setup, List<Actions> history, int t, String bidder,
                                           SmraState.BidderState before) {
        Actions a = history.get(t - 1);
        if (a.waivers().contains(bidder)) {
            return SmraRound.Waiver.PROACTIVE;
        }
        if (a.reductions().contains(bidder)) {
            return SmraRound.Waiver.NONE;
        }
        Percent requirement = setup.requirement(t);
        boolean isShort = SmraRules.shortOfActivity(before.eligibility(), activity(setup, history, t, bidder),
                requirement);
        return isShort && setup.automaticWaivers() && before.waiversLeft() > 0 ? SmraRound.Waiver.AUTOMATIC
                : SmraRound.Waiver.NONE;
    }
}
