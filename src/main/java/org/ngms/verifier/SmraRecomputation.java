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
import org.ngms.auction.events.AuctionReplay;
import org.ngms.auction.events.RoundIncrementSet;
import org.ngms.auction.events.SmraActionsSubmitted;
import org.ngms.auction.events.SmraRoundOpened;
import org.ngms.auction.events.SmraRoundResult;
import org.ngms.auction.outcome.SmraOutcomeJson;
import org.ngms.auction.smra.ReferenceSmraProcessor;
import org.ngms.auction.smra.SmraActions;
import org.ngms.auction.smra.SmraActionsJson;
import org.ngms.auction.smra.SmraDecision;
import org.ngms.auction.smra.SmraIncrement;
import org.ngms.auction.smra.SmraOutcome;
import org.ngms.auction.smra.SmraPrices;
import org.ngms.auction.smra.SmraRound;
import org.ngms.auction.smra.SmraRoundJson;
import org.ngms.auction.smra.SmraSetup;
import org.ngms.auction.smra.SmraStage;
import org.ngms.directive.Stage;
import org.ngms.shared.CanonicalJson;
import org.ngms.shared.Percent;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recomputes the SMRA stages of an auction chain from its verified records (docs/audit.md, section 7), as
 * {@link ClockRecomputation} recomputes clock stages, trusting nothing the service computed:
 * <ol>
 *   <li>the actions: each {@code SMRA_ROUND_RESULT} lists, per bidder, exactly the latest
 *       {@code SMRA_ACTIONS_SUBMITTED} version of that round (its {@code request.actions}), in whatever order the
 *       service listed them; none left out, none swapped for another version, none invented, and no submission is
 *       recorded after its round's result;</li>
 *   <li>every round: the stage's setup is rebuilt as the service builds it ({@link AuctionReplay#smraSetup}: the
 *       directive of {@code AUCTION_CREATED}, the bidders as the {@code BIDDER_*} records left them when the stage
 *       opened, the earlier sealed {@code STAGE_RESULT}s, the revealed seed); each round is opened (its minimum
 *       acceptable bids and click boxes must be those of {@code SMRA_ROUND_OPENED}, opened with the regulator's
 *       increment it records; where the directive lets the regulator set it, that increment must be the one
 *       {@code ROUND_INCREMENT_SET} last set for the round while the round before was open, else the range's
 *       minimum) and closed with the action sets its {@code SMRA_ROUND_RESULT} lists, in the order listed; the
 *       canonical JSON of the recomputed round ({@link SmraRoundJson}) must be, byte for byte, the recorded
 *       {@code result}, whose SHA-256 is {@code roundSha256};</li>
 *   <li>after the last round the stage has ended, and its {@code STAGE_RESULT} and the {@code OUTCOME_PUBLISHED}
 *       after it are exactly {@link SmraOutcomeJson} of the recomputed outcome (with the awards at reserve of earlier
 *       sealed stages, as the transcript records them).</li>
 * </ol>
 * Every round is processed by {@link ReferenceSmraProcessor}, which walks the recorded actions from round 1 for every
 * question, not by the service's {@code IncrementalSmraProcessor}: a bug in the incremental processor would otherwise
 * be reproduced, not caught. An information finding ({@link Check#RECOMPUTE_METHOD}) says so for each SMRA stage
 * recomputed. A round that differs stops the recomputation of its stage: every later round starts from it. The records
 * given are the verified prefix of the bundle; record {@code i} (0-based) is on bundle line {@code i + 2}.
 */
final class SmraRecomputation {

    static final String ROUND_OPENED = SmraRoundOpened.TYPE;
    static final String ACTIONS_SUBMITTED = SmraActionsSubmitted.TYPE;
    static final String ROUND_RESULT = SmraRoundResult.TYPE;

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
    /** The stage of the last STAGE_RESULT, when it was an SMRA stage. */
    private StageState lastResult;
    private int rounds;
    private int matching;
    private int skipped;

    /** One submission of a bidder in a round: its version, its actions and where it was recorded. */
    private record Submission(int version, SmraActions actions, int index) {
    }

    private static final class StageState {
        final String id;
        Map<String, BidderState> biddersAtOpen;
        List<Integer> unreadableAtOpen;
        /** The recomputed stage so far; null before it is built or once it cannot go on. */
        SmraStage engine;
        boolean built;
        /** Why later rounds are not recomputed, once a round could not be. */
        String stopped;
        int lastRound;
        /** Rounds recomputed (by the reference processor), and the index of the first one's SMRA_ROUND_RESULT. */
        int recomputedRounds;
        Integer firstRecomputedIndex;
        /** The index of the stage's STAGE_OPENED: the records up to it are what the stage starts from. */
        Integer openedIndex;
        final Map<Integer, Map<String, Submission>> submissions = new TreeMap<>();
        final Map<Integer, Integer> resultIndex = new TreeMap<>();
        /** The increment each SMRA_ROUND_OPENED recorded (empty where it recorded none). */
        final Map<Integer, Optional<Percent>> openedIncrements = new TreeMap<>();
        /** The increment the regulator last set for a round (ROUND_INCREMENT_SET), and where. */
        final Map<Integer, Map.Entry<Percent, Integer>> incrementsSet = new TreeMap<>();
        Integer stageResultIndex;
        Optional<SmraOutcome> outcome = Optional.empty();

        StageState(String id) {
            this.id = id;
        }
    }

    private SmraRecomputation(String auction, List<SignedRecord> records, Optional<byte[]> seed, String seedProblem,
                              List<Finding> findings) {
        this.auction = auction;
        this.records = records;
        this.seed = seed;
        this.seedProblem = seedProblem;
        this.findings = findings;
    }

    /**
     * Runs over the verified records of auction chain {@code chain}, appending findings, and returns {@code before}
     * with the SMRA part filled in. {@code seed} is the revealed seed when it matched its commitment; otherwise
     * {@code seedProblem} completes "cannot be recomputed …".
     */
    static Verification.Recomputation run(String chain, List<SignedRecord> records, Optional<byte[]> seed,
                                          String seedProblem, List<Finding> findings,
                                          Verification.Recomputation before) {
        SmraRecomputation r = new SmraRecomputation(chain.substring(chain.indexOf(':') + 1), records, seed,
                seedProblem, findings);
        try {
            r.walk();
        } catch (RuntimeException e) {
            findings.add(Finding.failure(Check.RECOMPUTE_INPUT, null, null, "the SMRA recomputation stopped: " + e));
        }
        return before.withSmra(r.rounds, r.matching, r.skipped);
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
                    case ClockRecomputation.STAGE_OPENED -> stageOpened(p, i);
                    case ROUND_OPENED -> roundOpened(p, i);
                    case ClockRecomputation.INCREMENT_SET -> incrementSet(p, i);
                    case ACTIONS_SUBMITTED -> submitted(p, i);
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
                failure(Check.SMRA_STAGE_RESULT, s.resultIndex.get(s.lastRound), "SMRA stage " + s.id
                        + " ended with round " + s.lastRound + ", but no " + SealedRecomputation.RESULT + " follows");
            }
            if (s.recomputedRounds > 0) {
                method(s.firstRecomputedIndex, "SMRA stage " + s.id + ": " + s.recomputedRounds + " round(s) "
                        + "recomputed with the reference SMRA processor (ReferenceSmraProcessor: the rules written "
                        + "naively, standing high bids, eligibility and waivers walked again from round 1 for every "
                        + "round), not the service's IncrementalSmraProcessor");
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

    /** An SMRA stage, by the type its STAGE_SCHEDULED recorded, else by the directive. */
    private boolean isSmra(String stageId) {
        String type = stageTypes.get(stageId);
        if (type != null) {
            return type.equals(Stage.StageType.SMRA.name());
        }
        return directive != null && directive.policy().stage(stageId).map(s -> s instanceof Stage.Smra)
                .orElse(false);
    }

    private StageState stage(String id) {
        return stages.computeIfAbsent(id, StageState::new);
    }

    private void stageOpened(JsonNode p, int index) {
        String id = text(p, "stage");
        if (isSmra(id)) {
            StageState s = stage(id);
            if (s.openedIndex == null) {
                s.openedIndex = index;
            }
            snapshot(s);
        }
    }

    /** The bidders as they stand now: what the stage starts from. */
    private void snapshot(StageState s) {
        if (s.biddersAtOpen == null) {
            s.biddersAtOpen = new TreeMap<>(bidders);
            s.unreadableAtOpen = List.copyOf(unreadableBidders);
        }
    }

    // --- building the stage -------------------------------------------------------------------------------------

    /** The recomputed stage, built on first use; empty (with one finding) when it cannot be. */
    private Optional<SmraStage> engine(StageState s, int index) {
        if (s.built) {
            return Optional.ofNullable(s.engine);
        }
        s.built = true;
        snapshot(s);
        if (directive == null) {
            failure(Check.RECOMPUTE_INPUT, 0, "SMRA stage " + s.id + " cannot be recomputed: "
                    + (directiveProblem == null ? "no " + BundleVerifier.AUCTION_CREATED + " record"
                    : directiveProblem));
            return stop(s, "its setup cannot be rebuilt");
        }
        if (seed.isEmpty()) {
            info(index, "SMRA stage " + s.id + " cannot be recomputed " + seedProblem + "; the actions of its "
                    + "rounds were checked against the submissions");
            return stop(s, "not recomputed " + seedProblem);
        }
        if (!s.unreadableAtOpen.isEmpty()) {
            failure(Check.RECOMPUTE_INPUT, s.unreadableAtOpen.get(0), "SMRA stage " + s.id + " cannot be "
                    + "recomputed: payload.bidder of this record is not a bidder with an id");
            return stop(s, "its setup cannot be rebuilt");
        }
        for (BidderState b : s.biddersAtOpen.values()) {
            try {
                SealedRecomputation.bidder(b); // readable, or named here
            } catch (RuntimeException e) {
                failure(Check.RECOMPUTE_INPUT, b.index(), "SMRA stage " + s.id + " cannot be recomputed: the "
                        + "bidder cannot be read: " + e.getMessage());
                return stop(s, "its setup cannot be rebuilt");
            }
        }
        try {
            // the stage's inputs as the service reads them from the transcript to rebuild its engine (one codec,
            // one path); the bidders were read one by one above, so that an unreadable one is named
            List<TranscriptRecord> upToOpening = records.subList(0, s.openedIndex == null ? 0 : s.openedIndex + 1)
                    .stream().map(SignedRecord::record).toList();
            SmraSetup setup = AuctionReplay.smraSetup(directive.policy(), s.id, seed.get(), upToOpening);
            s.engine = SmraStage.start(setup, new ReferenceSmraProcessor());
            return Optional.of(s.engine);
        } catch (RuntimeException e) {
            failure(Check.RECOMPUTE_INPUT, index, "the setup of SMRA stage " + s.id + " cannot be rebuilt from the "
                    + "directive, the bidders and the earlier stage results: " + e.getMessage());
            return stop(s, "its setup cannot be rebuilt");
        }
    }

    private Optional<SmraStage> stop(StageState s, String why) {
        s.engine = null;
        s.stopped = why;
        skipped++;
        return Optional.empty();
    }

    private void stopRounds(StageState s, String why) {
        if (s.stopped == null) {
            s.stopped = why;
            s.engine = null;
            s.built = true;
        }
    }

    // --- rounds -------------------------------------------------------------------------------------------------

    private void roundOpened(JsonNode p, int index) {
        SmraRoundOpened recorded = SmraRoundOpened.read(p);
        String id = recorded.stage();
        if (!isSmra(id)) {
            return;
        }
        StageState s = stage(id);
        int round = recorded.prices().round();
        if (round != s.lastRound + 1) {
            failure(Check.SMRA_ROUND_OPENED, index, "round " + round + " of SMRA stage " + id + " opens after round "
                    + s.lastRound + " closed, not round " + (s.lastRound + 1));
            return;
        }
        Optional<Percent> increment = recorded.prices().increment();
        s.openedIncrements.put(round, increment);
        Optional<SmraStage> engine = engine(s, index);
        if (engine.isEmpty()) {
            return;
        }
        Map.Entry<Percent, Integer> set = s.incrementsSet.get(round);
        if (engine.get().setup().increment() instanceof SmraIncrement.RegulatorRange range) {
            // as the service opens it: none in round 1, else the regulator's last one for the round or the minimum
            Optional<Percent> expected = round == 1 ? Optional.empty()
                    : Optional.of(set != null ? set.getKey() : range.min());
            if (!increment.equals(expected)) {
                failure(Check.SMRA_ROUND_OPENED, index, "round " + round + " of SMRA stage " + id + " opens with "
                        + increment.map(i -> "increment " + i + "%").orElse("no increment") + ", but "
                        + (round == 1 ? "round 1 opens at the minimum opening bids, with none"
                        : set != null ? "the regulator set " + expected.get() + "% for it (seq "
                        + seqOf(set.getValue()) + ")" : "none was set for it, so it opens at the range's minimum, "
                        + expected.get() + "%"));
            }
        }
        SmraDecision<SmraPrices> opened = engine.get().open(increment);
        if (opened instanceof SmraDecision.Rejected<SmraPrices> rejected) {
            failure(Check.SMRA_ROUND_OPENED, index, "round " + round + " of SMRA stage " + id + " opens, but the "
                    + "recomputed stage does not open it: " + rejected.rejection().message());
            return;
        }
        // the record the service writes for the recomputed prices (the one codec), against the recorded one
        ObjectNode expected = new SmraRoundOpened(id, opened.orElseThrow(), recorded.closesAt()).payload();
        List<String> differences = SealedRecomputation.differences(expected, p);
        if (!differences.isEmpty()) {
            failure(Check.SMRA_ROUND_OPENED, index, "the prices of round " + round + " of SMRA stage " + id
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
        if (!isSmra(id)) {
            return;
        }
        StageState s = stage(id);
        int round = set.round();
        if (!s.openedIncrements.containsKey(round - 1) || s.resultIndex.containsKey(round - 1)
                || s.openedIncrements.containsKey(round)) {
            failure(Check.SMRA_ROUND_OPENED, index, "the increment of round " + round + " of SMRA stage " + id
                    + " is set while round " + (round - 1) + " is not open: it may be set only before round " + round
                    + " opens");
            return;
        }
        s.incrementsSet.put(round, Map.entry(set.percent(), index));
    }

    private void submitted(JsonNode p, int index) {
        SmraActionsSubmitted submitted = SmraActionsSubmitted.read(p);
        String id = submitted.stage();
        String bidder = submitted.set().bidder();
        int round = submitted.round();
        int version = submitted.set().version();
        if (!bidder.equals(p.path("bidder").asString(bidder)) || round != p.path("round").asInt(round)
                || version != p.path("version").asInt(version)) {
            failure(Check.SMRA_ACTIONS, index, "the record's bidder, round and version differ from its request's");
        }
        StageState s = stage(id);
        Integer closed = s.resultIndex.get(round);
        if (closed != null) {
            failure(Check.SMRA_ACTIONS, index, bidder + "'s actions v" + version + " for round " + round + " of SMRA "
                    + "stage " + id + " are recorded after the round's result (seq " + seqOf(closed) + ")");
            return;
        }
        Map<String, Submission> inRound = s.submissions.computeIfAbsent(round, r -> new TreeMap<>());
        Submission previous = inRound.get(bidder);
        if (previous != null && version <= previous.version()) {
            failure(Check.SMRA_ACTIONS, index, bidder + "'s version " + version + " for round " + round + " of SMRA "
                    + "stage " + id + " does not follow its version " + previous.version() + " (seq "
                    + seqOf(previous.index()) + ")");
        }
        inRound.put(bidder, new Submission(version, submitted.set().actions(), index));
    }

    private void roundResult(JsonNode p, int index) {
        String id = text(p, "stage");
        if (!isSmra(id)) {
            return;
        }
        StageState s = stage(id);
        int round = integer(p, "round");
        if (round != s.lastRound + 1) {
            failure(Check.SMRA_ROUND_RESULT, index, "the result of round " + round + " of SMRA stage " + id
                    + " follows round " + s.lastRound + ", not round " + (s.lastRound + 1));
            stopRounds(s, "the rounds are out of order");
        }
        s.lastRound = Math.max(s.lastRound, round);
        s.resultIndex.put(round, index);
        JsonNode listed = p.get("actions");
        if (listed == null || !listed.isArray()) {
            throw new IllegalArgumentException("payload.actions is not a list");
        }
        List<SmraActions> actions = checkActions(s, round, listed, index);
        JsonNode recorded = p.path("result");
        String recordedCanonical = recorded.isObject() ? SealedRecomputation.canonical(recorded) : "";
        String recordedSha = p.path("roundSha256").asString("");
        if (!CanonicalJson.sha256Hex(recordedCanonical).equals(recordedSha)) {
            failure(Check.SMRA_ROUND_RESULT, index, "roundSha256 " + recordedSha + " of round " + round + " of SMRA "
                    + "stage " + id + " is not the SHA-256 of the recorded result, "
                    + CanonicalJson.sha256Hex(recordedCanonical));
        }
        if (s.stopped != null) {
            return;
        }
        Optional<SmraStage> engine = engine(s, index);
        if (engine.isEmpty()) {
            return;
        }
        SmraStage before = engine.get();
        if (before.ended()) {
            failure(Check.SMRA_ROUND_RESULT, index, "round " + round + " of SMRA stage " + id + " has a result, but "
                    + "the recomputed stage has no such round: it ended after round " + before.rounds().size());
            stopRounds(s, "the recomputed stage had ended");
            return;
        }
        SmraStage after;
        try {
            if (actions == null) {
                throw new IllegalArgumentException("the action sets listed cannot be read");
            }
            // opened with the increment its SMRA_ROUND_OPENED records, closed with the sets in the order listed
            SmraPrices prices = before.open(s.openedIncrements.getOrDefault(round, Optional.empty())).orElseThrow();
            after = before.close(prices, actions);
        } catch (RuntimeException e) {
            failure(Check.SMRA_ROUND_RESULT, index, "round " + round + " of SMRA stage " + id + " cannot be "
                    + "recomputed from the action sets it lists: " + e.getMessage());
            stopRounds(s, "round " + round + " could not be recomputed");
            return;
        }
        rounds++;
        s.recomputedRounds++;
        if (s.firstRecomputedIndex == null) {
            s.firstRecomputedIndex = index;
        }
        SmraRound mine = after.rounds().get(after.rounds().size() - 1);
        String canonical = SmraRoundJson.canonical(mine);
        if (canonical.equals(recordedCanonical) && SmraRoundJson.sha256(mine).equals(recordedSha)) {
            matching++;
            s.engine = after;
            if (after.ended()) {
                s.outcome = after.outcome();
            }
            return;
        }
        // named leaf by leaf (licences[0: A-1].standingBid, bidders[1: beta].eligibility, …): what differs
        List<String> differences = recorded.isObject()
                ? JsonDifferences.of(SignedRecord.STRICT_JSON.readTree(canonical), recorded)
                : List.of("the recorded result is not an object");
        failure(Check.SMRA_ROUND_RESULT, index, "round " + round + " of SMRA stage " + id + " recomputed from its "
                + "action sets differs from the recorded result (recomputed SHA-256 " + SmraRoundJson.sha256(mine)
                + ", recorded roundSha256 " + recordedSha + ")" + (differences.isEmpty() ? ""
                : ": " + String.join("; ", differences)));
        stopRounds(s, "round " + round + " differs, and every later round starts from it");
    }

    /**
     * The action sets an SMRA_ROUND_RESULT lists, in the order listed, checked against the latest submission of each
     * bidder in that round; null when they cannot be read.
     */
    private List<SmraActions> checkActions(StageState s, int round, JsonNode listed, int index) {
        Map<String, Submission> latest = s.submissions.getOrDefault(round, Map.of());
        Map<String, SmraActions> seen = new TreeMap<>();
        List<SmraActions> actions = new ArrayList<>();
        boolean readable = true;
        for (JsonNode set : listed) {
            String bidder;
            int version;
            SmraActions own;
            try {
                bidder = text(set, "bidder");
                version = integer(set, "version");
                JsonNode json = set.get("actions");
                if (json == null || !json.isObject()) {
                    throw new IllegalArgumentException("actions is not an object");
                }
                own = SmraActionsJson.read(bidder, json);
                actions.add(own);
            } catch (IllegalArgumentException e) {
                failure(Check.SMRA_ACTIONS, index, "an action set listed for round " + round + " of SMRA stage "
                        + s.id + " cannot be read: " + e.getMessage());
                readable = false;
                continue;
            }
            String where = bidder + "'s actions v" + version + " listed for round " + round + " of SMRA stage " + s.id;
            if (seen.put(bidder, own) != null) {
                failure(Check.SMRA_ACTIONS, index, where + ": a second action set of the same bidder is listed");
                continue;
            }
            Submission submission = latest.get(bidder);
            if (submission == null) {
                failure(Check.SMRA_ACTIONS, index, where + ": " + bidder + " submitted no actions for this round");
            } else if (submission.version() != version) {
                failure(Check.SMRA_ACTIONS, index, where + ": its latest version is v" + submission.version()
                        + " (seq " + seqOf(submission.index()) + ")");
            } else if (!own.equals(submission.actions())) {
                failure(Check.SMRA_ACTIONS, index, where + " are not the actions submitted as v" + version + " (seq "
                        + seqOf(submission.index()) + "): listed " + SmraActionsJson.json(own) + ", submitted "
                        + SmraActionsJson.json(submission.actions()));
            }
        }
        latest.forEach((bidder, submission) -> {
            if (!seen.containsKey(bidder)) {
                failure(Check.SMRA_ACTIONS, index, bidder + "'s actions v" + submission.version() + " for round "
                        + round + " of SMRA stage " + s.id + " (seq " + seqOf(submission.index()) + ") are not "
                        + "listed in the round's result: an action set was left out");
            }
        });
        return readable ? actions : null;
    }

    // --- the stage's result and the outcome -------------------------------------------------------------------

    private void stageResult(JsonNode p, int index) {
        String id = text(p, "stage");
        JsonNode recorded = p.path("result");
        results.add(Map.entry(id, recorded));
        if (!isSmra(id)) {
            lastResult = null;
            return;
        }
        StageState s = stage(id);
        lastResult = s;
        if (s.stageResultIndex != null) {
            failure(Check.SMRA_STAGE_RESULT, index, "a second result for SMRA stage " + id + " (first at seq "
                    + seqOf(s.stageResultIndex) + ")");
            return;
        }
        s.stageResultIndex = index;
        if (s.stopped != null || !s.built) {
            if (!s.built) {
                failure(Check.SMRA_STAGE_RESULT, index, "SMRA stage " + id + " has a result but no round result");
            }
            return;
        }
        if (s.outcome.isEmpty()) {
            failure(Check.SMRA_STAGE_RESULT, index, "SMRA stage " + id + " has a result after round " + s.lastRound
                    + ", but the recomputed stage has not ended: its last round had a new bid, a proactive waiver "
                    + "or a withdrawal");
            return;
        }
        ObjectNode expected = SmraOutcomeJson.stageResult(s.engine.setup(), s.outcome.get());
        List<String> differences = SealedRecomputation.differences(expected, recorded);
        if (!differences.isEmpty()) {
            failure(Check.SMRA_STAGE_RESULT, index, "the result of SMRA stage " + id + " recomputed from its rounds "
                    + "differs from the recorded one: " + String.join("; ", differences));
        }
    }

    private void outcome(JsonNode p, int index) {
        StageState s = lastResult;
        if (s == null) {
            return; // an outcome after a sealed or clock stage: SealedRecomputation or ClockRecomputation checks it
        }
        if (s.outcome.isEmpty() || s.stopped != null) {
            if (s.stopped != null) {
                info(index, "the outcome follows SMRA stage " + s.id + ", which was not recomputed to its end ("
                        + s.stopped + "): the outcome is not checked against it");
            }
            return;
        }
        ObjectNode expected = SmraOutcomeJson.outcome(auction, directive.id(), directive.version(), directive.sha256(),
                directive.policy(), ClockRecomputation.preBidResults(results, stageTypes), s.engine.setup(),
                s.outcome.get());
        List<String> differences = SealedRecomputation.differences(expected, p.path("outcome"));
        if (!differences.isEmpty()) {
            failure(Check.RECOMPUTED_OUTCOME, index, "the outcome recomputed from SMRA stage " + s.id + " and the "
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
