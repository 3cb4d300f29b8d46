package org.ngms.auction.smra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The production round processing: the state is read off the last round (each licence's state after it, each
 * bidder's next eligibility and what it has left), and a round is one pass over its actions, licence by licence and
 * bidder by bidder, with one keyed MAC for its tie numbers. It must give exactly the rounds the
 * {@link ReferenceSmraProcessor} gives.
 */
public final class IncrementalSmraProcessor implements SmraProcessor {

    @Override
    public SmraState state(SmraSetup setup, List<SmraRound> rounds) {
        if (rounds.isEmpty()) {
            return SmraState.initial(setup);
        }
        SmraRound last = rounds.get(rounds.size() - 1);
        SortedMap<String, SmraState.LicenceState> licences = new TreeMap<>();
        last.licences().forEach(l -> licences.put(l.licence(), l.after()));
        SortedMap<String, SmraState.BidderState> bidders = new TreeMap<>();
        last.bidders().forEach(b -> bidders.put(b.bidder(),
                new SmraState.BidderState(b.nextEligibility(), b.waiversLeft(), b.withdrawalRoundsLeft())));
        return new SmraState(last.number() + 1, licences, bidders);
    }

    /** A bid of the round with its tie number. */
    private record Entry(String bidder, SmraBid bid, byte[] tie) {
        boolean beats(Entry other) {
            if (bid.amount() != other.bid.amount()) {
                return bid.amount() > other.bid.amount();
            }
            int byTie = Arrays.compareUnsigned(tie, other.tie);
            return byTie != 0 ? byTie < 0 : bidder.compareTo(other.bidder) < 0;
        }
    }

    @Override
    public SmraRound process(SmraSetup setup, List<SmraRound> rounds, SmraPrices prices,
                             SortedMap<String, SmraActions> valid, List<SmraRejection> rejections) {
        int n = prices.round();
        SmraState before = state(setup, rounds);
        SmraTieNumbers ties = new SmraTieNumbers(HexFormat.of().parseHex(setup.seedHex()), setup.stageId(), n);

        Map<String, List<Entry>> byLicence = new HashMap<>();
        Map<String, String> withdrawnBy = new HashMap<>();
        for (SmraActions a : valid.values()) {
            for (SmraBid b : a.bids()) {
                byLicence.computeIfAbsent(b.licence(), k -> new ArrayList<>())
                        .add(new Entry(a.bidder(), b, ties.of(a.bidder(), b.licence())));
            }
            a.withdrawals().forEach(w -> withdrawnBy.put(w, a.bidder()));
        }

        List<SmraRound.LicenceRound> licences = new ArrayList<>();
        List<SmraRound.BidResult> bids = new ArrayList<>();
        List<SmraRound.Withdrawal> withdrawals = new ArrayList<>();
        Map<String, SmraState.LicenceState> after = new TreeMap<>();
        for (var e : before.licences().entrySet()) {
            String id = e.getKey();
            SmraState.LicenceState s = e.getValue();
            if (withdrawnBy.containsKey(id)) {
                withdrawals.add(new SmraRound.Withdrawal(withdrawnBy.get(id), id, s.standingBid()));
                s = new SmraState.LicenceState(SmraState.Holding.REGULATOR_HELD, Optional.empty(), 0,
                        s.runnerUpBid(), s.activityIndex());
            }
            List<Entry> entries = byLicence.getOrDefault(id, List.of());
            Entry best = null;
            for (Entry x : entries) {
                if (best == null || x.beats(best)) {
                    best = x;
                }
            }
            long runnerUp = s.runnerUpBid();
            boolean displaces = best != null && best.bid.amount() > s.standingBid();
            for (Entry x : entries) {
                if (!(displaces && x == best)) {
                    runnerUp = Math.max(runnerUp, x.bid.amount());
                }
            }
            if (displaces) {
                runnerUp = Math.max(runnerUp, s.standingBid());
                s = new SmraState.LicenceState(SmraState.Holding.STANDING, Optional.of(best.bidder), best.bid.amount(),
                        runnerUp, s.activityIndex());
            } else {
                s = new SmraState.LicenceState(s.holding(), s.standingBidder(), s.standingBid(), runnerUp,
                        s.activityIndex());
            }
            long index = setup.increment() instanceof SmraIncrement.ActivityBased rule
                    ? SmraRules.nextActivityIndex(rule, s.activityIndex(), entries.size()) : 0;
            s = new SmraState.LicenceState(s.holding(), s.standingBidder(), s.standingBid(), s.runnerUpBid(), index);
            after.put(id, s);
            SmraPrices.LicencePrices p = prices.of(id);
            licences.add(new SmraRound.LicenceRound(id, p.minimumAcceptableBid(), p.increment(), entries.size(), s));
            List<Entry> sorted = new ArrayList<>(entries);
            sorted.sort((x, y) -> x.bidder.compareTo(y.bidder));
            for (Entry x : sorted) {
                bids.add(new SmraRound.BidResult(x.bidder, id, x.bid.amount(), HexFormat.of().formatHex(x.tie),
                        x == best && s.standingHigh(x.bidder)));
            }
        }

        Map<String, SmraLicence> byId = new HashMap<>();
        setup.licences().forEach(l -> byId.put(l.id(), l));
        Map<String, SortedSet<String>> standing = new HashMap<>();
        after.forEach((id, s) -> s.standingBidder().ifPresent(b -> standing.computeIfAbsent(b, k -> new TreeSet<>())
                .add(id)));
        List<SmraRound.BidderRound> bidders = new ArrayList<>();
        for (var e : before.bidders().entrySet()) {
            String id = e.getKey();
            SmraState.BidderState b = e.getValue();
            SmraActions a = valid.getOrDefault(id, SmraActions.bids(id));
            long activity = 0;
            for (String l : before.standingHigh(id)) {
                if (!a.withdrawals().contains(l)) {
                    activity += byId.get(l).biddingUnits();
                }
            }
            for (SmraBid bid : a.bids()) {
                activity += byId.get(bid.licence()).biddingUnits();
            }
            var requirement = setup.requirement(n);
            SmraRound.Waiver waiver = SmraRound.Waiver.NONE;
            if (a.waiver()) {
                waiver = SmraRound.Waiver.PROACTIVE;
            } else if (!a.reduceEligibility() && setup.automaticWaivers() && b.waiversLeft() > 0
                    && SmraRules.shortOfActivity(b.eligibility(), activity, requirement)) {
                waiver = SmraRound.Waiver.AUTOMATIC;
            }
            int next = waiver == SmraRound.Waiver.NONE
                    ? SmraRules.reducedEligibility(b.eligibility(), activity, requirement) : b.eligibility();
            int waiversLeft = b.waiversLeft() - (waiver == SmraRound.Waiver.NONE ? 0 : 1);
            int withdrawalRoundsLeft = b.withdrawalRoundsLeft() - (a.withdrawals().isEmpty() ? 0 : 1);
            bidders.add(new SmraRound.BidderRound(id, b.eligibility(), activity, requirement, waiver,
                    a.reduceEligibility(), waiversLeft, withdrawalRoundsLeft, next,
                    standing.getOrDefault(id, new TreeSet<>())));
        }
        return new SmraRound(setup.stageId(), n, prices.increment(), licences, bidders, bids, withdrawals,
                rejections);
    }
}
