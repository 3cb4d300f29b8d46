package org.ngms.auction.smra;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.ngms.auction.clock.CapRule;
import org.ngms.shared.Percent;

/**
 * An SMRA stage as the list of its closed rounds, immutable: {@link #close} returns a new stage with one more round.
 * The service calls, per round: {@link #open} (the minimum acceptable bids and click boxes to publish),
 * {@link #rejections} for each action set as it arrives (a rejection is a value to return to the bidder), and
 * {@link #close} with the final action sets when the round's time is up; after the last round, {@link #outcome}.
 */
public final class SmraStage {

    private final SmraSetup setup;
    private final SmraProcessor processor;
    private final List<SmraRound> rounds;
    private final SmraState state;
    private final Map<String, SmraLicence> licences = new HashMap<>();

    private SmraStage(SmraSetup setup, SmraProcessor processor, List<SmraRound> rounds) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.processor = Objects.requireNonNull(processor, "processor");
        this.rounds = List.copyOf(rounds);
        this.state = processor.state(setup, this.rounds);
        setup.licences().forEach(l -> licences.put(l.id(), l));
    }

    public static SmraStage start(SmraSetup setup) {
        return start(setup, new IncrementalSmraProcessor());
    }

    public static SmraStage start(SmraSetup setup, SmraProcessor processor) {
        return new SmraStage(setup, processor, List.of());
    }

    /** A stage resumed from rounds already closed (e.g. loaded from the database); they are taken as recorded. */
    public static SmraStage resume(SmraSetup setup, List<SmraRound> rounds) {
        return new SmraStage(setup, new IncrementalSmraProcessor(), rounds);
    }

    public SmraSetup setup() {
        return setup;
    }

    public List<SmraRound> rounds() {
        return rounds;
    }

    /** Standing high bids, eligibility, waivers and withdrawal rounds left, before the next round. */
    public SmraState state() {
        return state;
    }

    public int nextRound() {
        return rounds.size() + 1;
    }

    /** True after the first round with no new bid, no proactive waiver and no withdrawal. */
    public boolean ended() {
        return !rounds.isEmpty() && rounds.get(rounds.size() - 1).endsStage();
    }

    /**
     * The next round's prices: per licence the minimum acceptable bid ({@link SmraRules#minimumAcceptableBid}) and the
     * click box. {@code regulatorIncrement} is the percentage the regulator announces, required from round 2 and
     * checked against the range only under {@link SmraIncrement.RegulatorRange}.
     */
    public SmraDecision<SmraPrices> open(Optional<Percent> regulatorIncrement) {
        if (ended()) {
            return SmraDecision.rejected(new SmraRejection("", "", SmraReasonCode.STAGE_ENDED,
                    "stage " + setup.stageId() + " ended after round " + rounds.size()));
        }
        SmraDecision<Optional<Percent>> announced = SmraRules.regulatorIncrement(setup.increment(), nextRound(),
                regulatorIncrement);
        if (announced instanceof SmraDecision.Rejected<Optional<Percent>> rejected) {
            return SmraDecision.rejected(rejected.rejection());
        }
        Optional<Percent> regulator = announced.orElseThrow();
        SortedMap<String, SmraPrices.LicencePrices> prices = new TreeMap<>();
        for (SmraLicence l : setup.licences()) {
            SmraState.LicenceState s = state.licence(l.id());
            Percent increment = s.holding() == SmraState.Holding.STANDING
                    ? SmraRules.increment(setup.increment(), regulator, s.activityIndex()) : new Percent(0);
            long mab = SmraRules.minimumAcceptableBid(l, s, increment, setup.bidMultiple());
            prices.put(l.id(), new SmraPrices.LicencePrices(mab, increment,
                    SmraRules.clickBox(mab, setup.clickBox(), setup.bidMultiple())));
        }
        return SmraDecision.allowed(new SmraPrices(nextRound(), regulator, prices));
    }

    /**
     * Every rejection that {@link #close} would record for {@code actions} if they were the action sets of the open
     * round: what the service checks at submission, so that an action set it receipts is one the round processes as
     * sent.
     */
    public List<SmraRejection> rejections(SmraPrices prices, Collection<SmraActions> actions) {
        return screen(prices, actions).rejections();
    }

    private record Screened(List<SmraRejection> rejections, SortedMap<String, SmraActions> valid) {
    }

    /**
     * Validates action sets in the order given, each action of a set in order: withdrawals first (they free
     * eligibility and cap room for the bids of the same round), then the waiver, the reduction, and the bids one by
     * one. A refused action is dropped; the rest of the set stands.
     */
    private Screened screen(SmraPrices prices, Collection<SmraActions> actions) {
        List<SmraRejection> rejections = new ArrayList<>();
        SortedMap<String, SmraActions> valid = new TreeMap<>();
        for (SmraActions a : actions) {
            String bidder = a.bidder();
            if (ended()) {
                rejections.add(new SmraRejection(bidder, "", SmraReasonCode.STAGE_ENDED,
                        "stage " + setup.stageId() + " has ended"));
                continue;
            }
            Optional<SmraBidder> known = setup.bidder(bidder);
            if (known.isEmpty()) {
                rejections.add(new SmraRejection(bidder, "", SmraReasonCode.BIDDER_NOT_IN_STAGE,
                        "bidder " + bidder + " is not a bidder of stage " + setup.stageId()));
                continue;
            }
            if (valid.containsKey(bidder)) {
                rejections.add(new SmraRejection(bidder, "", SmraReasonCode.DUPLICATE_ACTION,
                        "a second action set of " + bidder + " in round " + prices.round()));
                continue;
            }
            valid.put(bidder, screen(prices, known.get(), a, rejections));
        }
        return new Screened(rejections, valid);
    }

    private SmraActions screen(SmraPrices prices, SmraBidder bidder, SmraActions a, List<SmraRejection> rejections) {
        String id = bidder.id();
        SmraState.BidderState b = state.bidder(id);
        Set<String> held = state.standingHigh(id);
        List<String> withdrawals = new ArrayList<>();
        for (String w : a.withdrawals()) {
            withdrawalRejection(b, held, withdrawals, w).ifPresentOrElse(
                    reason -> rejections.add(new SmraRejection(id, w, reason.code(), reason.message())),
                    () -> withdrawals.add(w));
        }
        boolean waiver = a.waiver();
        if (waiver && b.waiversLeft() == 0) {
            rejections.add(new SmraRejection(id, "", SmraReasonCode.NO_WAIVER_LEFT,
                    id + " has used all " + setup.waivers() + " waivers"));
            waiver = false;
        }
        boolean reduce = a.reduceEligibility();
        if (reduce && waiver) {
            rejections.add(new SmraRejection(id, "", SmraReasonCode.WAIVER_AND_REDUCTION,
                    "a proactive waiver keeps eligibility; it cannot be reduced in the same round"));
            reduce = false;
        }
        Set<String> exposure = new HashSet<>(held);
        withdrawals.forEach(exposure::remove);
        long units = exposure.stream().mapToLong(l -> licences.get(l).biddingUnits()).sum();
        List<SmraBid> bids = new ArrayList<>();
        Set<String> bidOn = new HashSet<>();
        for (SmraBid bid : a.bids()) {
            Optional<Refusal> refusal = bidRejection(prices, bidder, b, held, bidOn, exposure, units, bid);
            if (refusal.isPresent()) {
                rejections.add(new SmraRejection(id, bid.licence(), refusal.get().code(), refusal.get().message()));
                continue;
            }
            bids.add(bid);
            bidOn.add(bid.licence());
            exposure.add(bid.licence());
            units += licences.get(bid.licence()).biddingUnits();
        }
        return new SmraActions(id, bids, withdrawals, waiver, reduce);
    }

    private record Refusal(SmraReasonCode code, String message) {
    }

    private Optional<Refusal> withdrawalRejection(SmraState.BidderState b, Set<String> held, List<String> accepted,
                                                  String licence) {
        if (setup.withdrawalRounds() == 0) {
            return refuse(SmraReasonCode.WITHDRAWALS_NOT_ALLOWED, "stage " + setup.stageId()
                    + " does not allow withdrawals");
        }
        if (b.withdrawalRoundsLeft() == 0) {
            return refuse(SmraReasonCode.NO_WITHDRAWAL_ROUNDS_LEFT, "withdrawals were already made in "
                    + setup.withdrawalRounds() + " rounds");
        }
        if (!licences.containsKey(licence)) {
            return refuse(SmraReasonCode.UNKNOWN_LICENCE, "licence " + licence + " is not in stage "
                    + setup.stageId());
        }
        if (!held.contains(licence)) {
            return refuse(SmraReasonCode.NOT_STANDING_HIGH_BIDDER, "only the standing high bid on " + licence
                    + " can be withdrawn, by its bidder");
        }
        if (accepted.contains(licence)) {
            return refuse(SmraReasonCode.DUPLICATE_ACTION, "a second withdrawal of " + licence);
        }
        return Optional.empty();
    }

    private Optional<Refusal> bidRejection(SmraPrices prices, SmraBidder bidder, SmraState.BidderState b,
                                           Set<String> held, Set<String> bidOn, Set<String> exposure, long units,
                                           SmraBid bid) {
        SmraLicence licence = licences.get(bid.licence());
        if (licence == null) {
            return refuse(SmraReasonCode.UNKNOWN_LICENCE, "licence " + bid.licence() + " is not in stage "
                    + setup.stageId());
        }
        if (licence.newEntrantsOnly() && !bidder.newEntrant()) {
            return refuse(SmraReasonCode.NEW_ENTRANTS_ONLY, "licence " + licence.id()
                    + " is reserved for new entrants; " + bidder.id() + " is an incumbent");
        }
        if (held.contains(licence.id())) {
            return refuse(SmraReasonCode.ALREADY_STANDING_HIGH, bidder.id() + " holds the standing high bid on "
                    + licence.id() + " (a withdrawal does not reopen it to the same bidder in the same round)");
        }
        if (bidOn.contains(licence.id())) {
            return refuse(SmraReasonCode.DUPLICATE_ACTION, "a second bid on " + licence.id() + " in round "
                    + prices.round());
        }
        SmraPrices.LicencePrices p = prices.of(licence.id());
        if (bid.amount() < p.minimumAcceptableBid()) {
            return refuse(SmraReasonCode.BELOW_MINIMUM_ACCEPTABLE_BID, "bid " + bid.amount() + " on " + licence.id()
                    + " is below the minimum acceptable bid " + p.minimumAcceptableBid());
        }
        if (!p.clickBox().contains(bid.amount())) {
            return bid.amount() % setup.bidMultiple() != 0
                    ? refuse(SmraReasonCode.NOT_A_BID_MULTIPLE, "bid " + bid.amount() + " is not a multiple of "
                            + setup.bidMultiple())
                    : refuse(SmraReasonCode.NOT_A_CLICK_BOX_AMOUNT, "bid " + bid.amount() + " on " + licence.id()
                            + " is not one of the acceptable amounts " + p.clickBox());
        }
        Map<String, Integer> after = new HashMap<>();
        exposure.forEach(l -> after.put(l, 1));
        after.put(licence.id(), 1);
        for (CapRule cap : setup.caps()) {
            if (!cap.khzPerBlock().containsKey(licence.id())) {
                continue;
            }
            long used = cap.used(bidder.id(), after);
            if (used > cap.limitKhz()) {
                return refuse(SmraReasonCode.SPECTRUM_CAP, "a bid on " + licence.id() + " brings " + bidder.id()
                        + " to " + new org.ngms.shared.Mhz(used) + " MHz, above cap " + cap.id() + " of "
                        + new org.ngms.shared.Mhz(cap.limitKhz()) + " MHz");
            }
        }
        long needed = units + licence.biddingUnits();
        if (needed > b.eligibility()) {
            return refuse(SmraReasonCode.ELIGIBILITY_EXCEEDED, "standing high bids and new bids need " + needed
                    + " bidding units; " + bidder.id() + " is eligible for " + b.eligibility());
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(SmraReasonCode code, String message) {
        return Optional.of(new Refusal(code, message));
    }

    /**
     * Closes the open round with the final action sets and returns the stage with that round appended. Refused
     * actions are recorded as rejections and count as not taken.
     *
     * @throws IllegalStateException if the stage has ended or {@code prices} are not this round's
     */
    public SmraStage close(SmraPrices prices, Collection<SmraActions> actions) {
        if (ended()) {
            throw new IllegalStateException("stage " + setup.stageId() + " has ended");
        }
        SmraPrices expected = open(prices.increment()).orElseThrow();
        if (!expected.equals(prices)) {
            throw new IllegalStateException("the prices given are not those of round " + nextRound());
        }
        Screened screened = screen(prices, actions);
        SmraRound round = processor.process(setup, rounds, prices, screened.valid(), screened.rejections());
        List<SmraRound> next = new ArrayList<>(rounds);
        next.add(round);
        return new SmraStage(setup, processor, next);
    }

    /** The outcome once the stage has ended; empty before. */
    public Optional<SmraOutcome> outcome() {
        if (!ended()) {
            return Optional.empty();
        }
        List<SmraOutcome.Award> awards = new ArrayList<>();
        List<String> unsold = new ArrayList<>();
        long revenue = 0;
        for (SmraLicence l : setup.licences()) {
            SmraState.LicenceState s = state.licence(l.id());
            if (s.holding() == SmraState.Holding.STANDING) {
                awards.add(new SmraOutcome.Award(l.id(), s.standingBidder().orElseThrow(), s.standingBid()));
                revenue = Math.addExact(revenue, s.standingBid());
            } else {
                unsold.add(l.id());
            }
        }
        return Optional.of(new SmraOutcome(setup.stageId(), rounds.size(), awards, unsold, revenue,
                withdrawalPayments()));
    }

    /**
     * 47 CFR 1.2104(g)(1): a withdrawn bid owes the difference to the winning bid on the licence, nothing if the
     * winning bid or a later withdrawn bid on it equals or exceeds it; while the licence is unsold, the interim
     * payment ({@link SmraSetup#interimWithdrawalPayment} of the withdrawn bid, rounded up).
     */
    private List<SmraOutcome.WithdrawalPayment> withdrawalPayments() {
        List<SmraOutcome.WithdrawalPayment> payments = new ArrayList<>();
        for (SmraRound r : rounds) {
            for (SmraRound.Withdrawal w : r.withdrawals()) {
                boolean exceededLater = rounds.stream().filter(later -> later.number() > r.number())
                        .flatMap(later -> later.withdrawals().stream())
                        .anyMatch(x -> x.licence().equals(w.licence()) && x.amount() >= w.amount());
                SmraState.LicenceState s = state.licence(w.licence());
                long payment;
                boolean interim = false;
                if (exceededLater) {
                    payment = 0;
                } else if (s.holding() == SmraState.Holding.STANDING) {
                    payment = Math.max(0, w.amount() - s.standingBid());
                } else {
                    payment = SmraRules.percentCeiling(w.amount(), setup.interimWithdrawalPayment());
                    interim = true;
                }
                payments.add(new SmraOutcome.WithdrawalPayment(w.bidder(), w.licence(), r.number(), w.amount(),
                        payment, interim));
            }
        }
        return payments;
    }
}
