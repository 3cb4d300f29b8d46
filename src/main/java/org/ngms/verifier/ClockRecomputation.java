package org.ngms.verifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ngms.audit.SignedRecord;
import org.ngms.audit.TranscriptRecord;
import org.ngms.verifier.SealedRecomputation.BidderState;
import org.ngms.verifier.SealedRecomputation.Directive;
import org.ngms.auction.Bidder;
import org.ngms.auction.clock.Bid;
import org.ngms.auction.clock.ClockDecision;
import org.ngms.auction.assignment.AssignmentJson;
import org.ngms.auction.assignment.AssignmentMarkets;
import org.ngms.auction.assignment.FrequencyAssignment;
import org.ngms.auction.assignment.PositionClocks;
import org.ngms.auction.clock.ClockOutcome;
import org.ngms.auction.clock.ClockRound;
import org.ngms.auction.clock.ClockRoundReplay;
import org.ngms.auction.clock.ClockRules;
import org.ngms.auction.clock.ClockRoundJson;
import org.ngms.auction.clock.ClockSetup;
import org.ngms.auction.clock.ClockSetups;
import org.ngms.auction.clock.ClockStage;
import org.ngms.auction.clock.ReferenceClockProcessor;
import org.ngms.auction.clock.RoundPrices;
import org.ngms.auction.outcome.ClockOutcomeJson;
import org.ngms.auction.outcome.OutcomeJson;
import org.ngms.auction.sealed.PreBidOutcome;
import org.ngms.directive.Stage;
import org.ngms.auction.events.AuctionReplay;
import org.ngms.auction.events.BidSet;
import org.ngms.auction.events.ClockBidsSubmitted;
import org.ngms.auction.events.RoundIncrementSet;
import org.ngms.auction.events.RoundOpened;
import org.ngms.shared.CanonicalJson;
import org.ngms.shared.Percent;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recomputes the clock stages of an auction chain from its verified records (docs/audit.md, section 7), trusting
 * nothing the service computed:
 * <ol>
 *   <li>the bids: each {@code ROUND_RESULT} lists, per bidder, exactly the latest {@code CLOCK_BIDS_SUBMITTED} version
 *       of that round (its {@code request.bids}); none left out, none swapped for another version, none invented, and
 *       no submission is recorded after its round's result;</li>
 *   <li>every round: the stage's setup is rebuilt as the service builds it ({@link ClockSetups#forStage}: the
 *       directive of {@code AUCTION_CREATED}, the bidders as the {@code BIDDER_*} records left them when the stage
 *       opened, the earlier {@code STAGE_RESULT}s, the revealed seed); each round is opened (its prices must be those
 *       of {@code ROUND_OPENED}, opened with the regulator's increment it records where the directive lets the
 *       regulator set it: the one {@code ROUND_INCREMENT_SET} last set for the round while the round before was open,
 *       else the range's minimum) and closed with the bids its {@code ROUND_RESULT} lists, and the canonical JSON of
 *       the recomputed round ({@link ClockRoundJson}) must be, byte for byte, the recorded {@code result}, whose
 *       SHA-256 is {@code roundSha256};</li>
 *   <li>the stage's {@code STAGE_RESULT} and the {@code OUTCOME_PUBLISHED} after it are exactly
 *       {@link ClockOutcomeJson} of the recomputed outcome (with the awards at reserve of earlier sealed stages).</li>
 * </ol>
 * Every round is processed by {@link ReferenceClockProcessor}, the rulebook's algorithm written naively, not by the
 * service's {@code FastClockProcessor}: a bug in the fast processor would otherwise be reproduced, not caught (the
 * two are held to the same contract by the tests; the verifier is where they meet a real transcript). An
 * information finding ({@link Check#RECOMPUTE_METHOD}) says so for each clock stage recomputed.
 * A round that differs stops the recomputation of its stage: every later round starts from it. The records given are
 * the verified prefix of the bundle; record {@code i} (0-based) is on bundle line {@code i + 2}.
 */
final class ClockRecomputation {

    static final String ROUND_OPENED = "ROUND_OPENED";
    static final String BIDS_SUBMITTED = "CLOCK_BIDS_SUBMITTED";
    static final String ROUND_RESULT = "ROUND_RESULT";
    static final String STAGE_OPENED = "STAGE_OPENED";
    static final String INCREMENT_SET = "ROUND_INCREMENT_SET";

    private final String auction;
    private final List<SignedRecord> records;
    private final Optional<byte[]> seed;
    private final String seedProblem;
    private final List<Finding> findings;

    private Directive directive;
    private String directiveProblem;
    private final Map<String, BidderState> bidders = new TreeMap<>();
    private final List<Integer> unreadableBidders = new ArrayList<>();
    private final Map<String, String> stageTypes = new TreeMap<>();
    /** Every STAGE_RESULT so far, in order: stage id and recorded result. */
    private final List<Map.Entry<String, JsonNode>> results = new ArrayList<>();
    private final Map<String, StageState> stages = new LinkedHashMap<>();
    /** The stage of the last STAGE_RESULT, when it was a clock stage. */
    private StageState lastResult;
    private int rounds;
    private int matching;
    private int skipped;

    /** One submission of a bidder in a round: its version, its bids and where it was recorded. */
    private record Submission(int version, List<Bid> bids, int index) {
    }

    private static final class StageState {
        final String id;
        Map<String, BidderState> biddersAtOpen;
        List<Integer> unreadableAtOpen;
        List<Map.Entry<String, JsonNode>> resultsAtOpen;
        /** The recomputed stage so far; null before it is built or once it cannot go on. */
        ClockStage engine;
        boolean built;
        /** Why later rounds are not recomputed, once a round could not be. */
        String stopped;
        int lastRound;
        /** Rounds recomputed (by the reference processor), and the index of the first one's ROUND_RESULT. */
        int recomputedRounds;
        Integer firstRecomputedIndex;
        /** The index of the stage's STAGE_OPENED: the records up to it are what the stage starts from. */
        Integer openedIndex;
        final Map<Integer, Map<String, Submission>> submissions = new TreeMap<>();
        final Map<Integer, Integer> resultIndex = new TreeMap<>();
        /** The increment each ROUND_OPENED recorded (empty where it recorded none). */
        final Map<Integer, Optional<Percent>> openedIncrements = new TreeMap<>();
        /** The increment the regulator last set for a round (ROUND_INCREMENT_SET), and where. */
        final Map<Integer, Map.Entry<Percent, Integer>> incrementsSet = new TreeMap<>();
        Integer stageResultIndex;
        Optional<ClockOutcome> outcome = Optional.empty();

        StageState(String id) {
            this.id = id;
        }
    }

    private ClockRecomputation(String auction, List<SignedRecord> records, Optional<byte[]> seed, String seedProblem,
                               List<Finding> findings) {
        this.auction = auction;
        this.records = records;
        this.seed = seed;
        this.seedProblem = seedProblem;
        this.findings = findings;
    }

    /**
     * Runs over the verified records of auction chain {@code chain}, appending findings, and returns {@code sealed}
     * with the clock part filled in. {@code seed} is the revealed seed when it matched its commitment; otherwise
     * {@code seedProblem} completes "cannot be recomputed …".
     */
    static Verification.Recomputation run(String chain, List<SignedRecord> records, Optional<byte[]> seed,
                                          String seedProblem, List<Finding> findings,
                                          Verification.Recomputation sealed) {
        ClockRecomputation r = new ClockRecomputation(chain.substring(chain.indexOf(':') + 1), records, seed,
                seedProblem, findings);
        try {
            r.walk();
        } catch (RuntimeException e) {
            findings.add(Finding.failure(Check.RECOMPUTE_INPUT, null, null, "the clock recomputation stopped: " + e));
        }
        return sealed.withClock(r.rounds, r.matching, r.skipped);
    }

    // --- the walk ----------------------------------------------------------------------------------------------

    private void walk() {
        for (int i = 0; i < records.size(); i++) {
            TranscriptRecord record = records.get(i).record();
            JsonNode p = record.payload();
            try {
                switch (record.type()) {
                    case BundleVerifier.AUCTION_CREATED -> readDirective(p);
                    case SealedRecomputation.SCHEDULED -> stageTypes.put(text(p, "stage"), text(p, "type"));
                    case STAGE_OPENED -> stageOpened(p, i);
                    case ROUND_OPENED -> roundOpened(p, i);
                    case INCREMENT_SET -> incrementSet(p, i);
                    case BIDS_SUBMITTED -> submitted(p, i);
                    case ROUND_RESULT -> roundResult(p, i);
                    case SealedRecomputation.RESULT -> stageResult(p, i);
                    case SealedRecomputation.OUTCOME -> outcome(p, i);
                    default -> {
                        if (SealedRecomputation.BIDDER_RECORDS.contains(record.type())) {
                            bidderRecord(record, i);
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                failure(Check.RECOMPUTE_INPUT, i, record.type() + " cannot be read: " + e.getMessage());
            }
        }
        for (StageState s : stages.values()) {
            if (s.engine != null && s.engine.ended() && s.stageResultIndex == null) {
                failure(Check.CLOCK_STAGE_RESULT, s.resultIndex.get(s.lastRound), "clock stage " + s.id
                        + " ended with round " + s.lastRound + ", but no " + SealedRecomputation.RESULT + " follows");
            }
            if (s.recomputedRounds > 0) {
                method(s.firstRecomputedIndex, "clock stage " + s.id + ": " + s.recomputedRounds + " round(s) "
                        + "recomputed with the reference bid processor (ReferenceClockProcessor: the rulebook's "
                        + "algorithm written naively, every quantity recomputed after each change), not the "
                        + "service's FastClockProcessor");
            }
        }
    }

    private void readDirective(JsonNode p) {
        try {
            directive = Directive.read(p);
        } catch (IllegalArgumentException e) {
            directiveProblem = e.getMessage();
        }
    }

    private void bidderRecord(TranscriptRecord record, int index) {
        JsonNode b = record.payload().path("bidder");
        if (!b.isObject() || !b.path("id").isString()) {
            unreadableBidders.add(index);
            return;
        }
        String id = b.get("id").stringValue();
        bidders.put(id, BidderState.after(bidders.get(id), record, index));
    }

    /** A clock stage, by the type its STAGE_SCHEDULED recorded, else by the directive. */
    private boolean isClock(String stageId) {
        String type = stageTypes.get(stageId);
        if (type != null && !type.equals(Stage.StageType.CLOCK.name())
                && !type.equals(Stage.StageType.ASSIGNMENT.name())) {
            return false;
        }
        Optional<Stage> stage = directive == null ? Optional.empty() : directive.policy().stage(stageId);
        if (type != null && type.equals(Stage.StageType.CLOCK.name())) {
            return true;
        }
        return stage.map(s -> s instanceof Stage.Clock || positionClock(s).isPresent()).orElse(false);
    }

    /** The directive's stage {@code s} if it is an assignment clock over positions. */
    private static Optional<Stage.Assignment> positionClock(Stage s) {
        return s instanceof Stage.Assignment a && a.method() == Stage.AssignmentMethod.POSITION_CLOCK
                ? Optional.of(a) : Optional.empty();
    }

    /** The frequencies of the assignment stages decided before, as their results recorded them. */
    static List<FrequencyAssignment> earlierAssignments(List<Map.Entry<String, JsonNode>> recorded) {
        return recorded.stream()
                .filter(r -> r.getValue().has("markets") && "DECIDED".equals(r.getValue().path("status").asString("")))
                .map(r -> AssignmentJson.readStageResult(r.getValue()))
                .toList();
    }

    /** The assignment clock {@code id} of the directive, if that is what it is. */
    private Optional<Stage.Assignment> assignmentStage(String id) {
        return directive == null ? Optional.empty() : directive.policy().stage(id).flatMap(ClockRecomputation::positionClock);
    }

    /** The frequencies an assignment clock's recomputed outcome settles, over the markets the results before it leave. */
    private FrequencyAssignment assignment(Stage.Assignment stage, ClockOutcome clock) {
        List<ClockOutcome.Award> allocationAwards = new ArrayList<>();
        for (Map.Entry<String, JsonNode> r : results) {
            if (Stage.StageType.CLOCK.name().equals(stageTypes.get(r.getKey()))) {
                allocationAwards.addAll(ClockOutcomeJson.readClockAwards(r.getValue()));
            }
        }
        return PositionClocks.assign(stage, AssignmentMarkets.after(directive.policy(), stage,
                preBidResults(results), allocationAwards), clock);
    }

    private StageState stage(String id) {
        return stages.computeIfAbsent(id, StageState::new);
    }

    private void stageOpened(JsonNode p, int index) {
        String id = text(p, "stage");
        if (isClock(id)) {
            StageState s = stage(id);
            if (s.openedIndex == null) {
                s.openedIndex = index;
            }
            snapshot(s);
        }
    }

    /** The bidders and earlier results as they stand now: what the stage starts from. */
    private void snapshot(StageState s) {
        if (s.biddersAtOpen == null) {
            s.biddersAtOpen = new TreeMap<>(bidders);
            s.unreadableAtOpen = List.copyOf(unreadableBidders);
            s.resultsAtOpen = List.copyOf(results);
        }
    }

    // --- building the stage -------------------------------------------------------------------------------------

    /** The recomputed stage, built on first use; empty (with one finding) when it cannot be. */
    private Optional<ClockStage> engine(StageState s, int index) {
        if (s.built) {
            return Optional.ofNullable(s.engine);
        }
        s.built = true;
        snapshot(s);
        if (directive == null) {
            failure(Check.RECOMPUTE_INPUT, 0, "clock stage " + s.id + " cannot be recomputed: "
                    + (directiveProblem == null ? "no " + BundleVerifier.AUCTION_CREATED + " record" : directiveProblem));
            return stop(s, "its setup cannot be rebuilt");
        }
        if (seed.isEmpty()) {
            info(index, "clock stage " + s.id + " cannot be recomputed " + seedProblem + "; the bids of its rounds "
                    + "were checked against the submissions");
            return stop(s, "not recomputed " + seedProblem);
        }
        if (!s.unreadableAtOpen.isEmpty()) {
            failure(Check.RECOMPUTE_INPUT, s.unreadableAtOpen.get(0), "clock stage " + s.id + " cannot be "
                    + "recomputed: payload.bidder of this record is not a bidder with an id");
            return stop(s, "its setup cannot be rebuilt");
        }
        for (BidderState b : s.biddersAtOpen.values()) {
            try {
                SealedRecomputation.bidder(b); // readable, or named here
            } catch (RuntimeException e) {
                failure(Check.RECOMPUTE_INPUT, b.index(), "clock stage " + s.id + " cannot be recomputed: the "
                        + "bidder cannot be read: " + e.getMessage());
                return stop(s, "its setup cannot be rebuilt");
            }
        }
        try {
            // the stage's inputs as the service reads them from the transcript to rebuild its engine (one codec,
            // one path); the bidders were read one by one above, so that an unreadable one is named
            List<TranscriptRecord> upToOpening = records.subList(0, s.openedIndex == null ? 0 : s.openedIndex + 1)
                    .stream().map(SignedRecord::record).toList();
            ClockSetup setup = AuctionReplay.clockSetup(directive.policy(), s.id, seed.get(), upToOpening);
            s.engine = ClockStage.start(setup, new ReferenceClockProcessor());
            return Optional.of(s.engine);
        } catch (RuntimeException e) {
            failure(Check.RECOMPUTE_INPUT, index, "the setup of clock stage " + s.id + " cannot be rebuilt from the "
                    + "directive, the bidders and the earlier stage results: " + e.getMessage());
            return stop(s, "its setup cannot be rebuilt");
        }
    }

    private Optional<ClockStage> stop(StageState s, String why) {
        s.engine = null;
        s.stopped = why;
        skipped++;
        return Optional.empty();
    }

    // --- rounds -------------------------------------------------------------------------------------------------

    private void roundOpened(JsonNode p, int index) {
        RoundOpened recorded = RoundOpened.read(p);
        String id = recorded.stage();
        if (!isClock(id)) {
            return;
        }
        StageState s = stage(id);
        int round = recorded.prices().round();
        if (round != s.lastRound + 1) {
            failure(Check.CLOCK_ROUND_OPENED, index, "round " + round + " of clock stage " + id + " opens after round "
                    + s.lastRound + " closed, not round " + (s.lastRound + 1));
            return;
        }
        Optional<Percent> increment = recorded.prices().increment();
        s.openedIncrements.put(round, increment);
        Optional<ClockStage> engine = engine(s, index);
        if (engine.isEmpty()) {
            return;
        }
        Stage.Increment rule = engine.get().setup().increment();
        Map.Entry<Percent, Integer> set = s.incrementsSet.get(round);
        Optional<Percent> regulators = ClockRules.regulatorIncrement(rule,
                Optional.ofNullable(set).map(Map.Entry::getKey), round);
        if (regulators.isPresent()) {
            Percent expected = regulators.get();
            if (!increment.equals(Optional.of(expected))) {
                failure(Check.CLOCK_ROUND_OPENED, index, "round " + round + " of clock stage " + id + " opens with "
                        + increment.map(i -> "increment " + i + "%").orElse("no increment") + ", but "
                        + (set != null ? "the regulator set " + expected + "% for it (seq " + seqOf(set.getValue())
                        + ")" : "none was set for it, so it opens at the range's minimum, " + expected + "%"));
            }
        }
        ClockDecision<RoundPrices> opened = engine.get().open(increment);
        if (opened instanceof ClockDecision.Rejected<RoundPrices> rejected) {
            failure(Check.CLOCK_ROUND_OPENED, index, "round " + round + " of clock stage " + id + " opens, but the "
                    + "recomputed stage does not open it: " + rejected.rejection().message());
            return;
        }
        // the record the service writes for the recomputed prices (the one codec), against the recorded one
        ObjectNode expected = new RoundOpened(id, opened.orElseThrow(), recorded.closesAt()).payload();
        List<String> differences = SealedRecomputation.differences(expected, recorded.payload());
        if (!differences.isEmpty()) {
            failure(Check.CLOCK_ROUND_OPENED, index, "the prices of round " + round + " of clock stage " + id
                    + " differ from the recomputed ones: " + String.join("; ", differences));
        }
    }

    /**
     * The regulator sets the increment of round n: only while round n-1 is open (opened, no result yet), so before
     * round n opens. The last one set counts when round n opens.
     */
    private void incrementSet(JsonNode p, int index) {
        RoundIncrementSet set = RoundIncrementSet.read(p);
        String id = set.stage();
        if (!isClock(id)) {
            return;
        }
        StageState s = stage(id);
        int round = set.round();
        Percent percent = set.percent();
        if (!s.openedIncrements.containsKey(round - 1) || s.resultIndex.containsKey(round - 1)
                || s.openedIncrements.containsKey(round)) {
            failure(Check.CLOCK_ROUND_OPENED, index, "the increment of round " + round + " of clock stage " + id
                    + " is set while round " + (round - 1) + " is not open: it may be set only before round " + round
                    + " opens");
            return;
        }
        s.incrementsSet.put(round, Map.entry(percent, index));
    }

    private static Percent percent(JsonNode p, String field) {
        try {
            return Percent.parse(text(p, field));
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(field + " is not a percentage: " + p.path(field));
        }
    }

    private void submitted(JsonNode p, int index) {
        ClockBidsSubmitted submitted = ClockBidsSubmitted.read(p);
        String id = submitted.stage();
        String bidder = submitted.set().bidder();
        int round = submitted.round();
        int version = submitted.set().version();
        List<Bid> bids = submitted.bids();
        if (!bidder.equals(p.path("bidder").asString(bidder)) || round != p.path("round").asInt(round)
                || version != p.path("version").asInt(version)) {
            failure(Check.CLOCK_BIDS, index, "the record's bidder, round and version differ from its request's");
        }
        StageState s = stage(id);
        Integer closed = s.resultIndex.get(round);
        if (closed != null) {
            failure(Check.CLOCK_BIDS, index, bidder + "'s bids v" + version + " for round " + round + " of stage " + id
                    + " are recorded after the round's result (seq " + seqOf(closed) + ")");
            return;
        }
        Map<String, Submission> inRound = s.submissions.computeIfAbsent(round, r -> new TreeMap<>());
        Submission previous = inRound.get(bidder);
        if (previous != null && version <= previous.version()) {
            failure(Check.CLOCK_BIDS, index, bidder + "'s version " + version + " for round " + round + " of stage "
                    + id + " does not follow its version " + previous.version() + " (seq " + seqOf(previous.index())
                    + ")");
        }
        inRound.put(bidder, new Submission(version, bids, index));
    }

    private void roundResult(JsonNode p, int index) {
        String id = text(p, "stage");
        if (!isClock(id)) {
            return;
        }
        StageState s = stage(id);
        int round = integer(p, "round");
        if (round != s.lastRound + 1) {
            failure(Check.CLOCK_ROUND_RESULT, index, "the result of round " + round + " of clock stage " + id
                    + " follows round " + s.lastRound + ", not round " + (s.lastRound + 1));
            stopRounds(s, "the rounds are out of order");
        }
        s.lastRound = Math.max(s.lastRound, round);
        s.resultIndex.put(round, index);
        JsonNode listed = p.get("bids");
        if (listed == null || !listed.isArray()) {
            throw new IllegalArgumentException("payload.bids is not a list");
        }
        List<Bid> bids = checkBids(s, round, listed, index);
        JsonNode recorded = p.path("result");
        String recordedCanonical = recorded.isObject() ? SealedRecomputation.canonical(recorded) : "";
        String recordedSha = p.path("roundSha256").asString("");
        if (!CanonicalJson.sha256Hex(recordedCanonical).equals(recordedSha)) {
            failure(Check.CLOCK_ROUND_RESULT, index, "roundSha256 " + recordedSha + " of round " + round + " of stage "
                    + id + " is not the SHA-256 of the recorded result, " + CanonicalJson.sha256Hex(recordedCanonical));
        }
        if (s.stopped != null) {
            return;
        }
        Optional<ClockStage> engine = engine(s, index);
        if (engine.isEmpty()) {
            return;
        }
        ClockStage before = engine.get();
        if (before.ended()) {
            failure(Check.CLOCK_ROUND_RESULT, index, "round " + round + " of clock stage " + id + " has a result, but "
                    + "the recomputed stage has no such round: it ended after round " + before.rounds().size());
            stopRounds(s, "the recomputed stage had ended");
            return;
        }
        ClockRoundReplay.Replayed replayed;
        try {
            if (bids == null) {
                throw new IllegalArgumentException("the bids listed cannot be read");
            }
            // the one path of recomputation, shared with the service's rebuild (here with the reference processor)
            replayed = ClockRoundReplay.next(before, s.openedIncrements.getOrDefault(round, Optional.empty()), bids);
        } catch (RuntimeException e) {
            failure(Check.CLOCK_ROUND_RESULT, index, "round " + round + " of clock stage " + id + " cannot be "
                    + "recomputed from the bids it lists: " + e.getMessage());
            stopRounds(s, "round " + round + " could not be recomputed");
            return;
        }
        ClockStage after = replayed.stage();
        rounds++;
        s.recomputedRounds++;
        if (s.firstRecomputedIndex == null) {
            s.firstRecomputedIndex = index;
        }
        ClockRound mine = replayed.round();
        String canonical = replayed.canonical();
        if (canonical.equals(recordedCanonical) && ClockRoundJson.sha256(mine).equals(recordedSha)) {
            matching++;
            s.engine = after;
            if (after.ended()) {
                s.outcome = after.outcome();
            }
            return;
        }
        // named leaf by leaf (products[1: P1].postedPrice, bidders[0: jazz].processedDemand.P1, …): what differs
        List<String> differences = recorded.isObject()
                ? JsonDifferences.of(SignedRecord.STRICT_JSON.readTree(canonical), recorded)
                : List.of("the recorded result is not an object");
        failure(Check.CLOCK_ROUND_RESULT, index, "round " + round + " of clock stage " + id + " recomputed from its "
                + "bids differs from the recorded result (recomputed SHA-256 " + ClockRoundJson.sha256(mine) + ", "
                + "recorded roundSha256 " + recordedSha + ")" + (differences.isEmpty() ? ""
                : ": " + String.join("; ", differences)));
        stopRounds(s, "round " + round + " differs, and every later round starts from it");
    }

    /**
     * The recorded results of the stages of pre-bid offers at reserve among {@code results}, read as values with the
     * codec the service uses ({@link OutcomeJson#readPreBidResult}); one that cannot be read is an
     * {@link IllegalArgumentException} naming the stage and the field.
     */
    private List<PreBidOutcome> preBidResults(List<Map.Entry<String, JsonNode>> recorded) {
        return preBidResults(recorded, stageTypes);
    }

    /** As {@link #preBidResults(List)}, the stages' types as their {@code STAGE_SCHEDULED} records gave them. */
    static List<PreBidOutcome> preBidResults(List<Map.Entry<String, JsonNode>> recorded,
                                             Map<String, String> stageTypes) {
        List<PreBidOutcome> typed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> r : recorded) {
            if (Stage.StageType.SEALED_DEMAND_AT_RESERVE.name().equals(stageTypes.get(r.getKey()))) {
                try {
                    typed.add(OutcomeJson.readPreBidResult(r.getValue()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("the result of sealed stage " + r.getKey() + ": "
                            + e.getMessage(), e);
                }
            }
        }
        return typed;
    }

    private void stopRounds(StageState s, String why) {
        if (s.stopped == null) {
            s.stopped = why;
            s.engine = null;
            s.built = true;
        }
    }

    /**
     * The bids a ROUND_RESULT lists, checked against the latest submission of each bidder in that round; null when
     * they cannot be read.
     */
    private List<Bid> checkBids(StageState s, int round, JsonNode listed, int index) {
        Map<String, Submission> latest = s.submissions.getOrDefault(round, Map.of());
        Map<String, List<Bid>> seen = new TreeMap<>();
        List<Bid> bids = new ArrayList<>();
        boolean readable = true;
        for (JsonNode set : listed) {
            String bidder;
            int version;
            List<Bid> own;
            try {
                bidder = text(set, "bidder");
                version = integer(set, "version");
                own = BidSet.read(bidder, set.get("bids"));
                bids.addAll(own);
            } catch (IllegalArgumentException e) {
                failure(Check.CLOCK_BIDS, index, "a bid set listed for round " + round + " of stage " + s.id
                        + " cannot be read: " + e.getMessage());
                readable = false;
                continue;
            }
            String where = bidder + "'s bids v" + version + " listed for round " + round + " of stage " + s.id;
            if (seen.put(bidder, own) != null) {
                failure(Check.CLOCK_BIDS, index, where + ": a second bid set of the same bidder is listed");
                continue;
            }
            Submission submission = latest.get(bidder);
            if (submission == null) {
                failure(Check.CLOCK_BIDS, index, where + ": " + bidder + " submitted no bids for this round");
            } else if (submission.version() != version) {
                failure(Check.CLOCK_BIDS, index, where + ": its latest version is v" + submission.version() + " (seq "
                        + seqOf(submission.index()) + ")");
            } else if (!own.equals(submission.bids())) {
                failure(Check.CLOCK_BIDS, index, where + " are not the bids submitted as v" + version + " (seq "
                        + seqOf(submission.index()) + "): listed " + BidSet.json(own) + ", submitted "
                        + BidSet.json(submission.bids()));
            }
        }
        latest.forEach((bidder, submission) -> {
            if (!seen.containsKey(bidder)) {
                failure(Check.CLOCK_BIDS, index, bidder + "'s bids v" + submission.version() + " for round " + round
                        + " of stage " + s.id + " (seq " + seqOf(submission.index()) + ") are not listed in the "
                        + "round's result: a bid set was left out");
            }
        });
        return readable ? bids : null;
    }

    // --- the stage's result and the outcome -------------------------------------------------------------------

    private void stageResult(JsonNode p, int index) {
        String id = text(p, "stage");
        JsonNode recorded = p.path("result");
        results.add(Map.entry(id, recorded));
        if (!isClock(id)) {
            lastResult = null;
            return;
        }
        StageState s = stage(id);
        lastResult = s;
        if (s.stageResultIndex != null) {
            failure(Check.CLOCK_STAGE_RESULT, index, "a second result for clock stage " + id + " (first at seq "
                    + seqOf(s.stageResultIndex) + ")");
            return;
        }
        s.stageResultIndex = index;
        if (s.stopped != null || !s.built) {
            if (!s.built) {
                failure(Check.CLOCK_STAGE_RESULT, index, "clock stage " + id + " has a result but no round result");
            }
            return;
        }
        if (s.outcome.isEmpty()) {
            failure(Check.CLOCK_STAGE_RESULT, index, "clock stage " + id + " has a result after round " + s.lastRound
                    + ", but the recomputed stage has not ended: its last round still has excess demand");
            return;
        }
        Optional<Stage.Assignment> assignment = assignmentStage(id);
        ObjectNode expected;
        try {
            expected = assignment.isPresent()
                    ? AssignmentJson.stageResult(assignment(assignment.get(), s.outcome.get()), s.outcome)
                    : ClockOutcomeJson.clockResult(s.outcome.get());
        } catch (IllegalArgumentException | IllegalStateException e) {
            failure(Check.CLOCK_STAGE_RESULT, index, "the frequencies of stage " + id + " cannot be recomputed: "
                    + e.getMessage());
            return;
        }
        List<String> differences = SealedRecomputation.differences(expected, recorded);
        if (!differences.isEmpty()) {
            failure(Check.CLOCK_STAGE_RESULT, index, "the result of clock stage " + id + " recomputed from its rounds "
                    + "differs from the recorded one: " + String.join("; ", differences));
        }
    }

    private void outcome(JsonNode p, int index) {
        StageState s = lastResult;
        if (s == null) {
            return; // an outcome after a sealed stage: SealedRecomputation checks it
        }
        if (s.outcome.isEmpty() || s.stopped != null) {
            if (s.stopped != null) {
                info(index, "the outcome follows clock stage " + s.id + ", which was not recomputed to its end ("
                        + s.stopped + "): the outcome is not checked against it");
            }
            return;
        }
        ObjectNode expected;
        Optional<Stage.Assignment> assignment = assignmentStage(s.id);
        if (assignment.isPresent()) {
            // the allocation's outcome from the recorded results before the assignment, with its frequencies on top
            List<Map.Entry<String, JsonNode>> before = results.stream().filter(r -> !r.getKey().equals(s.id)).toList();
            List<ClockOutcome.Award> allocationAwards = new ArrayList<>();
            before.stream().filter(r -> Stage.StageType.CLOCK.name().equals(stageTypes.get(r.getKey())))
                    .forEach(r -> allocationAwards.addAll(ClockOutcomeJson.readClockAwards(r.getValue())));
            ObjectNode allocation = ClockOutcomeJson.outcome(auction, directive.id(), directive.version(),
                    directive.sha256(), directive.policy(), preBidResults(before), allocationAwards);
            List<FrequencyAssignment> assigned = new ArrayList<>(earlierAssignments(before));
            assigned.add(assignment(assignment.get(), s.outcome.get()));
            expected = AssignmentJson.outcome(directive.policy(), allocation, assigned);
        } else {
            expected = ClockOutcomeJson.outcome(auction, directive.id(), directive.version(),
                    directive.sha256(), directive.policy(), preBidResults(results), s.outcome.get());
        }
        List<String> differences = SealedRecomputation.differences(expected, p.path("outcome"));
        if (!differences.isEmpty()) {
            failure(Check.RECOMPUTED_OUTCOME, index, "the outcome recomputed from clock stage " + s.id + " and the "
                    + "earlier stage results differs from the published one: " + String.join("; ", differences));
        }
    }

    // --- reading ----------------------------------------------------------------------------------------------

    private static String text(JsonNode node, String field) {
        return SealedRecomputation.text(node, field);
    }

    private static int integer(JsonNode node, String field) {
        return SealedRecomputation.integer(node, field);
    }

    private long seqOf(int index) {
        return records.get(index).record().seq();
    }

    private void failure(Check check, int index, String detail) {
        findings.add(Finding.failure(check, seqOf(index), index + 2, detail));
    }

    private void info(int index, String detail) {
        findings.add(Finding.info(Check.RECOMPUTE_SKIPPED, seqOf(index), index + 2, detail));
    }

    private void method(int index, String detail) {
        findings.add(Finding.info(Check.RECOMPUTE_METHOD, seqOf(index), index + 2, detail));
    }
}
