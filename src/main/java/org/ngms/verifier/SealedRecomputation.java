package org.ngms.verifier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.ngms.audit.SignedRecord;
import org.ngms.audit.TranscriptRecord;
import org.ngms.verifier.Verification.Recomputation;
import org.ngms.auction.Bidder;
import org.ngms.auction.events.BidderRecorded;
import org.ngms.auction.outcome.ClockOutcomeJson;
import org.ngms.auction.outcome.Outcome;
import org.ngms.auction.assignment.AssignmentBids;
import org.ngms.auction.assignment.AssignmentJson;
import org.ngms.auction.assignment.AssignmentMarkets;
import org.ngms.auction.assignment.FrequencyAssignment;
import org.ngms.auction.assignment.SealedAssignments;
import org.ngms.auction.clock.ClockOutcome;
import org.ngms.auction.outcome.OutcomeJson;
import org.ngms.auction.outcome.PackageResultJson;
import org.ngms.auction.sealed.DemandOffer;
import org.ngms.auction.sealed.PackageBid;
import org.ngms.auction.sealed.PackageOffer;
import org.ngms.auction.sealed.PackageOutcome;
import org.ngms.auction.sealed.PreBidOffers;
import org.ngms.auction.sealed.PreBidOutcome;
import org.ngms.auction.sealed.SealedPackageRound;
import org.ngms.directive.DirectiveParser;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Stage;
import org.ngms.shared.CanonicalJson;
import org.ngms.shared.JsonFields;
import org.ngms.shared.Mhz;
import org.ngms.shared.Money;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recomputes the sealed stages of an auction chain from its verified records (docs/audit.md, section 6), trusting
 * nothing the service computed:
 * <ol>
 *   <li>the openings: every bid in {@code SEALED_BIDS_OPENED} hashes to its commitment, and that commitment is the
 *       one of the bidder's latest {@code SEALED_BID_SUBMITTED} version in the stage before {@code STAGE_CLOSED}; no
 *       withdrawn bid is opened, and every latest live submission is (none hidden);</li>
 *   <li>each {@code SEALED_DEMAND_AT_RESERVE} stage: the directive from {@code AUCTION_CREATED}, the bidders as the
 *       {@code BIDDER_*} records left them before the close, the opened offers and the revealed seed go through
 *       {@link PreBidOffers#evaluate}, and the result's JSON ({@link OutcomeJson}, the service's own mapping) must be
 *       the recorded {@code STAGE_RESULT};</li>
 *   <li>each {@code SEALED_PACKAGE} round likewise through {@link SealedPackageRound#evaluate} (seeded tie rule, the
 *       service's time limit): the result, with its certificate and {@code wdp/1} instance, must be the recorded one
 *       byte for byte; only where a round was not proven optimal (recorded or recomputed) is a difference a warning
 *       that it could not be confirmed; a round small enough is solved again by brute force
 *       ({@link PackageSecondSolve}), an exact solve independent of CP-SAT, whose optimum, winners and prices the
 *       recorded result must have;</li>
 *   <li>the {@code OUTCOME_PUBLISHED} outcome agrees with the last stage result before it (winners, lots, prices,
 *       revenue) and, when that stage was recomputed, is exactly the outcome that follows from it.</li>
 * </ol>
 * Only domain code decides (auction/sealed, optimiser, pricing, and the outcome JSON mappings of auction/outcome):
 * never the service's evaluation in auction/app (ArchitectureTest). The records given are the verified prefix of the
 * bundle (hash chain and signatures already checked); record {@code i} (0-based) is on bundle line {@code i + 2}.
 */
final class SealedRecomputation {

    static final String SUBMITTED = "SEALED_BID_SUBMITTED";
    static final String WITHDRAWN = "SEALED_BID_WITHDRAWN";
    static final String CLOSED = "STAGE_CLOSED";
    static final String OPENED = "SEALED_BIDS_OPENED";
    static final String RESULT = "STAGE_RESULT";
    static final String SCHEDULED = "STAGE_SCHEDULED";
    static final String OUTCOME = "OUTCOME_PUBLISHED";
    static final Set<String> BIDDER_RECORDS = Set.of("BIDDER_REGISTERED", "BIDDER_QUALIFIED",
            "BIDDER_DISQUALIFIED");
    private static final int SHOWN = 400;

    private final String auction;
    private final List<SignedRecord> records;
    private final Optional<byte[]> seed;
    private final String seedProblem;
    private final List<Finding> findings;

    private Directive directive;
    private String directiveProblem;
    private final Map<String, BidderState> bidders = new TreeMap<>();
    /** Indexes of BIDDER_* records whose payload.bidder is not a bidder with an id. */
    private final List<Integer> unreadableBidders = new ArrayList<>();
    private final Map<String, StageState> stages = new LinkedHashMap<>();
    /** The last STAGE_RESULT seen: its stage, its recorded result, and the recomputed one if there is one. */
    private LastResult lastResult;
    /** Every STAGE_RESULT so far, in order: the stages an assignment round starts from. */
    private final List<Map.Entry<String, JsonNode>> results = new ArrayList<>();
    private int recomputed;
    private int matching;
    private int skipped;

    /** The directive of {@code AUCTION_CREATED}: its whole document, validated and checked against its sha256. */
    record Directive(String id, int version, String sha256, PolicyDirective policy) {

        /** Reads {@code payload.directive}; throws IllegalArgumentException saying what is wrong. */
        static Directive read(JsonNode payload) {
            JsonNode d = payload.path("directive");
            String id = text(d, "id");
            int version = integer(d, "version");
            String sha256 = text(d, "sha256");
            JsonNode document = d.get("document");
            if (document == null || !document.isObject()) {
                throw new IllegalArgumentException("payload.directive.document (the whole directive) is missing");
            }
            String canonical = canonical(document);
            DirectiveParser.Result parsed = DirectiveParser.parse(canonical, DirectiveParser.Format.JSON);
            if (!(parsed instanceof DirectiveParser.Valid valid)) {
                throw new IllegalArgumentException("the directive document does not validate: " + parsed);
            }
            if (!CanonicalJson.sha256Hex(canonical).equals(sha256)) {
                throw new IllegalArgumentException("the directive document hashes to "
                        + CanonicalJson.sha256Hex(canonical) + ", not to directive.sha256 " + sha256);
            }
            return new Directive(id, version, sha256, valid.document().directive());
        }
    }

    /** A bidder as the latest BIDDER_* record left it, with when it registered and was decided on. */
    record BidderState(JsonNode json, Instant registeredAt, Optional<Instant> decidedAt, int index) {

        /** The state after {@code record} (a BIDDER_* record whose payload.bidder has an id), given the one before. */
        static BidderState after(BidderState before, TranscriptRecord record, int index) {
            JsonNode b = record.payload().path("bidder");
            Instant at = Instant.parse(record.at());
            Instant registeredAt = before == null ? at : before.registeredAt();
            Optional<Instant> decidedAt = record.type().equals("BIDDER_REGISTERED") ? Optional.empty()
                    : Optional.of(at);
            return new BidderState(b, registeredAt, decidedAt, index);
        }
    }

    /** One submission or withdrawal (empty commitment) of a bidder in a stage. */
    private record Version(int version, Optional<String> commitment, int index) {
    }

    private record LastResult(String stage, JsonNode recorded, Optional<Recomputed> recomputed, int index) {
    }

    /**
     * A stage recomputed: its result's JSON, the outcome that follows when the stage decides everything (else why
     * not), and for a package round the certificate, whose optimality decides how strictly the result compares.
     */
    private record Recomputed(ObjectNode result, Optional<ObjectNode> outcome, String status,
                              Optional<PackageOutcome.Certificate> certificate,
                              Optional<PackageSecondSolve.Solved> secondSolve) {
    }

    private static final class StageState {
        final String id;
        Optional<String> type = Optional.empty();
        final Map<String, Version> latest = new TreeMap<>();
        final Map<String, List<Version>> all = new TreeMap<>();
        Integer closedIndex;
        Map<String, Version> latestAtClose;
        Map<String, BidderState> biddersAtClose;
        List<Integer> unreadableAtClose;
        Integer openedIndex;
        List<JsonNode> opened;
        Optional<Recomputed> pendingRecomputed = Optional.empty();
        boolean awaitingResult;

        StageState(String id) {
            this.id = id;
        }
    }

    private SealedRecomputation(String auction, List<SignedRecord> records, Optional<byte[]> seed, String seedProblem,
                                List<Finding> findings) {
        this.auction = auction;
        this.records = records;
        this.seed = seed;
        this.seedProblem = seedProblem;
        this.findings = findings;
    }

    /**
     * Runs over the verified records of auction chain {@code chain}, appending findings. {@code seed} is the revealed
     * seed when it matched its commitment; otherwise {@code seedProblem} completes "cannot be recomputed …" (e.g.
     * "before the seed is revealed").
     */
    static Recomputation run(String chain, List<SignedRecord> records, Optional<byte[]> seed, String seedProblem,
                             List<Finding> findings) {
        SealedRecomputation r = new SealedRecomputation(chain.substring(chain.indexOf(':') + 1), records, seed,
                seedProblem, findings);
        try {
            r.walk();
        } catch (RuntimeException e) {
            // the verifier never throws for bad input: whatever the records say, it is a finding
            findings.add(Finding.failure(Check.RECOMPUTE_INPUT, null, null, "the recomputation stopped: " + e));
        }
        return new Recomputation(true, r.recomputed, r.matching, r.skipped);
    }

    // --- the walk ----------------------------------------------------------------------------------------------

    private void walk() {
        for (int i = 0; i < records.size(); i++) {
            TranscriptRecord record = records.get(i).record();
            JsonNode p = record.payload();
            try {
                switch (record.type()) {
                    case BundleVerifier.AUCTION_CREATED -> readDirective(p, i);
                    case SCHEDULED -> stage(text(p, "stage")).type = Optional.of(text(p, "type"));
                    case SUBMITTED, WITHDRAWN -> submission(record, p, i);
                    case CLOSED -> closed(p, i);
                    case OPENED -> opened(p, i);
                    case RESULT -> result(p, i);
                    case OUTCOME -> outcome(p, i);
                    default -> {
                        if (BIDDER_RECORDS.contains(record.type())) {
                            bidderRecord(record, p, i);
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                failure(Check.RECOMPUTE_INPUT, i, record.type() + " cannot be read: " + e.getMessage());
            }
        }
        for (StageState s : stages.values()) {
            if (s.closedIndex != null && s.openedIndex == null && isSealed(s)) {
                failure(Check.SEALED_OPENING, s.closedIndex, "stage " + s.id + " closed but its bids were never "
                        + "opened (no " + OPENED + ")");
            } else if (s.awaitingResult) {
                failure(Check.SEALED_OPENING, s.openedIndex, "the bids of stage " + s.id + " were opened but no "
                        + RESULT + " follows");
            }
        }
    }

    /** A stage of sealed bids, by the type its STAGE_SCHEDULED recorded, else by the directive. */
    private boolean isSealed(StageState s) {
        Optional<String> type = s.type.or(() -> directive == null ? Optional.empty()
                : directive.policy().stage(s.id).map(st -> st.type().name()));
        return type.map(t -> t.startsWith("SEALED_") || t.equals("ASSIGNMENT") && sealedAssignment(s.id).isPresent())
                .orElse(true);
    }

    /** The directive's stage {@code id} if it is a sealed assignment round. */
    private Optional<Stage.Assignment> sealedAssignment(String id) {
        return directive == null ? Optional.empty() : directive.policy().stage(id)
                .filter(st -> st instanceof Stage.Assignment a && a.method() == Stage.AssignmentMethod.SEALED_BIDS)
                .map(st -> (Stage.Assignment) st);
    }

    /**
     * A sealed assignment round recomputed by the domain rules the service calls: the markets from the recorded
     * results of the stages before it, the opened bids ({@code bid.bids: [{market, option, amount}]}), the seed's
     * tie rule, {@link SealedAssignments#decide}; the result's JSON is {@link AssignmentJson#sealedResult}'s and the
     * outcome the allocation's with the frequencies on top.
     */
    private Optional<Recomputed> recomputeAssignment(StageState s, Stage.Assignment stage, int index) {
        Map<String, Map<String, Map<String, Long>>> bids = new TreeMap<>();
        for (JsonNode bid : s.opened) {
            try {
                bids.put(text(bid, "bidder"), AssignmentBids.amounts(bid.path("bid")));
            } catch (RuntimeException e) {
                failure(Check.RECOMPUTE_INPUT, index, "stage " + s.id + " cannot be recomputed: an opened bid is "
                        + "not an assignment bid set: " + e.getMessage());
                skipped++;
                return Optional.empty();
            }
        }
        List<PreBidOutcome> sealed = new ArrayList<>();
        List<ClockOutcome.Award> clockAwards = new ArrayList<>();
        boolean clockRan = false;
        for (Map.Entry<String, JsonNode> r : results) {
            String type = stage(r.getKey()).type.orElse("");
            if (type.equals(Stage.StageType.SEALED_DEMAND_AT_RESERVE.name())) {
                sealed.add(OutcomeJson.readPreBidResult(r.getValue()));
            } else if (type.equals(Stage.StageType.CLOCK.name())) {
                clockAwards.addAll(ClockOutcomeJson.readClockAwards(r.getValue()));
                clockRan = true;
            }
        }
        recomputed++;
        SealedAssignments.Decision decision = SealedAssignments.decide(stage.id(),
                AssignmentMarkets.after(directive.policy(), stage, sealed, clockAwards), bids, seed.get());
        ObjectNode allocation = AssignmentJson.allocationOutcome(auction, directive.id(), directive.version(),
                directive.sha256(), directive.policy(), sealed, clockAwards, clockRan);
        List<FrequencyAssignment> earlier = ClockRecomputation.earlierAssignments(results);
        Optional<ObjectNode> outcome = decision.assignment().map(a -> {
            List<FrequencyAssignment> assigned = new ArrayList<>(earlier);
            assigned.add(a);
            return AssignmentJson.outcome(directive.policy(), allocation, assigned);
        });
        return Optional.of(new Recomputed(AssignmentJson.sealedResult(stage.id(), decision), outcome,
                decision.assignment().isPresent() ? "DECIDED" : "NOT_PRICED", Optional.empty(), Optional.empty()));
    }

    /** A clock stage, by the type its STAGE_SCHEDULED recorded, else by the directive. */
    private boolean isClock(StageState s) {
        if (s == null) {
            return false;
        }
        Optional<String> type = s.type.or(() -> directive == null ? Optional.empty()
                : directive.policy().stage(s.id).map(st -> st.type().name()));
        // an assignment clock (positions) is recomputed by ClockRecomputation like an allocation clock
        return type.map(t -> t.equals("CLOCK") || t.equals("ASSIGNMENT")).orElse(false);
    }

    /** An SMRA stage, by the type its STAGE_SCHEDULED recorded, else by the directive. */
    private boolean isSmra(StageState s) {
        if (s == null) {
            return false;
        }
        Optional<String> type = s.type.or(() -> directive == null ? Optional.empty()
                : directive.policy().stage(s.id).map(st -> st.type().name()));
        return type.map(t -> t.equals(Stage.StageType.SMRA.name())).orElse(false);
    }

    private StageState stage(String id) {
        return stages.computeIfAbsent(id, StageState::new);
    }

    private void readDirective(JsonNode p, int index) {
        try {
            directive = Directive.read(p);
        } catch (IllegalArgumentException e) {
            directiveProblem = e.getMessage();
            // reported once, when a sealed stage needs it
        }
    }

    /** Remembers the bidder's latest state; an unreadable record matters only if a sealed stage needs it. */
    private void bidderRecord(TranscriptRecord record, JsonNode p, int index) {
        JsonNode b = p.path("bidder");
        if (!b.isObject() || !b.path("id").isString()) {
            unreadableBidders.add(index);
            return;
        }
        String id = b.get("id").stringValue();
        bidders.put(id, BidderState.after(bidders.get(id), record, index));
    }

    private void submission(TranscriptRecord record, JsonNode p, int index) {
        String stageId = text(p, "stage");
        String bidder = text(p, "bidder");
        int version = integer(p, "version");
        Optional<String> commitment = record.type().equals(SUBMITTED) ? Optional.of(hex64(p, "commitment"))
                : Optional.empty();
        StageState s = stage(stageId);
        if (s.closedIndex != null) {
            failure(Check.SEALED_SUBMISSIONS, index, record.type() + " of " + bidder + " v" + version + " in stage "
                    + stageId + " is recorded after the stage closed (seq " + seqOf(s.closedIndex) + ")");
            return;
        }
        Version previous = s.latest.get(bidder);
        if (previous != null && version <= previous.version()) {
            failure(Check.SEALED_SUBMISSIONS, index, bidder + "'s version " + version + " in stage " + stageId
                    + " does not follow its version " + previous.version() + " (seq " + seqOf(previous.index()) + ")");
        }
        Version v = new Version(version, commitment, index);
        s.latest.put(bidder, v);
        s.all.computeIfAbsent(bidder, k -> new ArrayList<>()).add(v);
    }

    private void closed(JsonNode p, int index) {
        StageState s = stage(text(p, "stage"));
        if (!isSealed(s)) {
            return;
        }
        if (s.closedIndex != null) {
            failure(Check.SEALED_OPENING, index, "stage " + s.id + " closes a second time (first at seq "
                    + seqOf(s.closedIndex) + ")");
            return;
        }
        s.closedIndex = index;
        s.latestAtClose = new TreeMap<>(s.latest);
        s.biddersAtClose = new TreeMap<>(bidders);
        s.unreadableAtClose = List.copyOf(unreadableBidders);
        long live = s.latestAtClose.values().stream().filter(v -> v.commitment().isPresent()).count();
        JsonNode liveBids = p.path("liveBids");
        if (liveBids.isIntegralNumber() && liveBids.longValue() != live) {
            failure(Check.SEALED_OPENING, index, "stage " + s.id + " closes with liveBids " + liveBids.longValue()
                    + ", but " + live + " bidder(s) hold a live submission in the transcript");
        }
    }

    // --- openings ---------------------------------------------------------------------------------------------

    private void opened(JsonNode p, int index) {
        StageState s = stage(text(p, "stage"));
        if (s.openedIndex != null) {
            failure(Check.SEALED_OPENING, index, "the bids of stage " + s.id + " are opened a second time (first at "
                    + "seq " + seqOf(s.openedIndex) + ")");
            return;
        }
        if (s.closedIndex == null) {
            failure(Check.SEALED_OPENING, index, "the bids of stage " + s.id + " are opened before the stage closed");
            s.latestAtClose = new TreeMap<>(s.latest);
            s.biddersAtClose = new TreeMap<>(bidders);
            s.unreadableAtClose = List.copyOf(unreadableBidders);
        }
        JsonNode bids = p.get("bids");
        if (bids == null || !bids.isArray()) {
            throw new IllegalArgumentException("payload.bids is not a list");
        }
        s.openedIndex = index;
        s.awaitingResult = true;
        s.opened = new ArrayList<>();
        bids.forEach(s.opened::add);
        JsonNode closed = s.closedIndex == null ? null : records.get(s.closedIndex).record().payload().path("liveBids");
        if (closed != null && closed.isIntegralNumber() && closed.longValue() != s.opened.size()) {
            failure(Check.SEALED_OPENING, index, s.opened.size() + " bid(s) opened in stage " + s.id
                    + ", but its closing said liveBids " + closed.longValue());
        }
        checkOpenings(s, index);
        s.pendingRecomputed = recompute(s, index);
    }

    private void checkOpenings(StageState s, int index) {
        Set<String> openedBidders = new LinkedHashSet<>();
        for (int n = 0; n < s.opened.size(); n++) {
            JsonNode bid = s.opened.get(n);
            String where = "opened bid " + (n + 1) + " of stage " + s.id;
            String bidder;
            try {
                bidder = text(bid, "bidder");
            } catch (IllegalArgumentException e) {
                failure(Check.SEALED_COMMITMENT, index, where + ": " + e.getMessage());
                continue;
            }
            where += " (" + bidder + ")";
            if (!openedBidders.add(bidder)) {
                failure(Check.SEALED_OPENING, index, where + ": a second bid of the same bidder is opened");
            }
            commitmentProblem(bid, s.id).ifPresent(problem ->
                    failure(Check.SEALED_COMMITMENT, index, s.id + "/" + bidder + ": " + problem));
            String commitment = bid.path("commitment").asString("");
            Version latest = s.latestAtClose.get(bidder);
            if (latest == null) {
                failure(Check.SEALED_NOT_LATEST, index, where + ": " + bidder + " submitted no sealed bid in stage "
                        + s.id + " before it closed");
            } else if (latest.commitment().isEmpty()) {
                failure(Check.SEALED_WITHDRAWN_OPENED, index, where + ": " + bidder + " withdrew its bid (v"
                        + latest.version() + ", seq " + seqOf(latest.index()) + ") before the close, yet a bid was "
                        + "opened" + earlier(s, bidder, commitment));
            } else if (!latest.commitment().get().equals(commitment)) {
                failure(Check.SEALED_NOT_LATEST, index, where + ": its commitment " + commitment + " is not that of "
                        + bidder + "'s latest version v" + latest.version() + " (seq " + seqOf(latest.index()) + ", "
                        + latest.commitment().get() + ")" + earlier(s, bidder, commitment));
            } else if (bid.path("version").isIntegralNumber() && bid.get("version").intValue() != latest.version()) {
                failure(Check.SEALED_COMMITMENT, index, where + ": the content says version "
                        + bid.get("version").intValue() + ", the submission (seq " + seqOf(latest.index())
                        + ") is version " + latest.version());
            }
        }
        s.latestAtClose.forEach((bidder, latest) -> {
            if (latest.commitment().isPresent() && !openedBidders.contains(bidder)) {
                failure(Check.SEALED_HIDDEN, index, bidder + "'s latest live submission in stage " + s.id + " (v"
                        + latest.version() + ", seq " + seqOf(latest.index()) + ", commitment "
                        + latest.commitment().get() + ") was not opened");
            }
        });
    }

    /** Why an opened bid does not match its own commitment, if it does not. */
    private Optional<String> commitmentProblem(JsonNode bid, String stageId) {
        if (!bid.isObject()) {
            return Optional.of("the opened bid is not an object");
        }
        JsonNode commitment = bid.get("commitment");
        if (commitment == null || !commitment.isString()) {
            return Optional.of("the opened bid has no commitment");
        }
        ObjectNode content = ((ObjectNode) bid).deepCopy();
        content.remove("commitment");
        String hash;
        try {
            hash = CanonicalJson.sha256Hex(canonical(content));
        } catch (RuntimeException e) {
            return Optional.of("the content cannot be canonicalised: " + e.getMessage());
        }
        if (!hash.equals(commitment.stringValue())) {
            return Optional.of("the opened content hashes to " + hash + ", not to its commitment "
                    + commitment.stringValue() + ": the content is not what was committed to");
        }
        if (!auction.equals(content.path("auction").asString("")) || !stageId.equals(content.path("stage")
                .asString(""))) {
            return Optional.of("the content is for auction " + content.path("auction") + ", stage "
                    + content.path("stage") + ", not for this auction's stage " + stageId);
        }
        return Optional.empty();
    }

    private String earlier(StageState s, String bidder, String commitment) {
        return s.all.getOrDefault(bidder, List.of()).stream()
                .filter(v -> v.commitment().map(commitment::equals).orElse(false))
                .findFirst()
                .map(v -> "; it is " + bidder + "'s earlier version v" + v.version() + " (seq " + seqOf(v.index())
                        + ")")
                .orElse("");
    }

    // --- recomputation ----------------------------------------------------------------------------------------

    /** The recomputed outcome of a sealed stage at its opening, or empty (with a finding) when it cannot be. */
    private Optional<Recomputed> recompute(StageState s, int index) {
        if (directive == null) {
            failure(Check.RECOMPUTE_INPUT, 0, "stage " + s.id + " cannot be recomputed: "
                    + (directiveProblem == null ? "no " + BundleVerifier.AUCTION_CREATED + " record" : directiveProblem));
            skipped++;
            return Optional.empty();
        }
        Optional<Stage> stage = directive.policy().stage(s.id);
        if (stage.isEmpty()) {
            failure(Check.RECOMPUTE_INPUT, index, "the directive has no stage " + s.id);
            skipped++;
            return Optional.empty();
        }
        boolean assignment = sealedAssignment(s.id).isPresent();
        if (!(stage.get() instanceof Stage.SealedDemandAtReserve) && !(stage.get() instanceof Stage.SealedPackage)
                && !assignment) {
            failure(Check.SEALED_OPENING, index, "stage " + s.id + " is a " + stage.get().type()
                    + " stage, which has no sealed bids to open");
            skipped++;
            return Optional.empty();
        }
        if (seed.isEmpty()) {
            info(index, "stage " + s.id + " cannot be recomputed " + seedProblem + "; its openings were checked");
            skipped++;
            return Optional.empty();
        }
        if (!s.unreadableAtClose.isEmpty()) {
            failure(Check.RECOMPUTE_INPUT, s.unreadableAtClose.get(0), "stage " + s.id + " cannot be recomputed: "
                    + "payload.bidder of this record is not a bidder with an id");
            skipped++;
            return Optional.empty();
        }
        List<Bidder> qualified = new ArrayList<>();
        for (BidderState b : s.biddersAtClose.values()) {
            try {
                Bidder bidder = bidder(b);
                if (bidder.status() == Bidder.Status.QUALIFIED) {
                    qualified.add(bidder);
                }
            } catch (RuntimeException e) {
                failure(Check.RECOMPUTE_INPUT, b.index(), "stage " + s.id + " cannot be recomputed: the bidder "
                        + "cannot be read: " + e.getMessage());
                skipped++;
                return Optional.empty();
            }
        }
        if (stage.get() instanceof Stage.SealedPackage packageStage) {
            return recomputePackages(s, packageStage, qualified, index);
        }
        if (assignment) {
            try {
                return recomputeAssignment(s, (Stage.Assignment) stage.get(), index);
            } catch (IllegalArgumentException e) {
                failure(Check.RECOMPUTE_INPUT, index, "stage " + s.id + " cannot be recomputed: " + e.getMessage());
                skipped++;
                return Optional.empty();
            }
        }
        Stage.SealedDemandAtReserve demandStage = (Stage.SealedDemandAtReserve) stage.get();
        List<DemandOffer> offers = new ArrayList<>();
        for (JsonNode bid : s.opened) {
            try {
                offers.add(new DemandOffer(text(bid, "bidder"), JsonFields.counts(bid.path("bid"), "demand")));
            } catch (RuntimeException e) {
                failure(Check.RECOMPUTE_INPUT, index, "stage " + s.id + " cannot be recomputed: an opened bid is "
                        + "not an offer at reserve: " + e.getMessage());
                skipped++;
                return Optional.empty();
            }
        }
        recomputed++;
        PreBidOutcome r = PreBidOffers.evaluate(directive.policy(), demandStage, qualified, offers, seed.get());
        Optional<ObjectNode> outcome = r.status() == PreBidOutcome.Status.DECIDED
                ? Optional.of(OutcomeJson.outcome(auction, directive.id(), directive.version(), directive.sha256(),
                        directive.policy(), r))
                : Optional.empty();
        return Optional.of(new Recomputed(OutcomeJson.preBidResult(r), outcome, r.status().name(), Optional.empty(),
                Optional.empty()));
    }

    /**
     * A sealed package round recomputed by the domain rules the service's evaluation calls: the opened package
     * offers ({@code bid.packages: [{id, lots, amount}]}) of the qualified bidders, the seed (its tie rule) and the
     * service's time limit go through {@link SealedPackageRound#evaluate}; the result's JSON is
     * {@link PackageResultJson}'s and a PRICED round's outcome {@link ClockOutcomeJson#outcomeOf}'s, the mappings the
     * service writes with. Then the round is solved again by brute force where it is small enough.
     */
    private Optional<Recomputed> recomputePackages(StageState s, Stage.SealedPackage stage, List<Bidder> qualified,
                                                   int index) {
        List<PackageOffer> offers = new ArrayList<>();
        for (JsonNode bid : s.opened) {
            try {
                List<PackageBid> bids = new ArrayList<>();
                JsonNode packages = bid.path("bid").path("packages");
                if (!packages.isArray()) {
                    throw new IllegalArgumentException("bid.packages is not a list");
                }
                for (JsonNode p : packages) {
                    JsonNode amount = p.path("amount");
                    if (!amount.isIntegralNumber() || !amount.canConvertToLong()) {
                        throw new IllegalArgumentException("amount is not a whole amount: " + amount);
                    }
                    bids.add(new PackageBid(text(p, "id"), JsonFields.counts(p, "lots"),
                            Money.of(amount.longValue())));
                }
                offers.add(new PackageOffer(text(bid, "bidder"), bids));
            } catch (RuntimeException e) {
                failure(Check.RECOMPUTE_INPUT, index, "stage " + s.id + " cannot be recomputed: an opened bid is "
                        + "not a package offer: " + e.getMessage());
                skipped++;
                return Optional.empty();
            }
        }
        recomputed++;
        PackageOutcome r = SealedPackageRound.evaluate(directive.policy(), stage, qualified, offers, seed.get(),
                SealedPackageRound.SERVICE_TIME_LIMIT);
        Optional<ObjectNode> outcome = r.status() == PackageOutcome.Status.PRICED
                ? Optional.of(ClockOutcomeJson.outcomeOf(auction, directive.id(), directive.version(),
                        directive.sha256(), directive.policy(), Outcome.wins(r)))
                : Optional.empty();
        return Optional.of(new Recomputed(PackageResultJson.packageResult(r), outcome, r.status().name(),
                Optional.of(r.certificate()), Optional.of(PackageSecondSolve.solve(stage, r, seed.get()))));
    }

    private void result(JsonNode p, int index) {
        StageState s = stage(text(p, "stage"));
        JsonNode recorded = p.path("result");
        Optional<Recomputed> mine = Optional.empty();
        if (s.awaitingResult) {
            s.awaitingResult = false;
            mine = s.pendingRecomputed;
            mine.ifPresent(r -> {
                compare(s, r, recorded, index);
                r.secondSolve().ifPresent(solved -> secondSolve(s, r, solved, recorded, index));
            });
        } else if (s.openedIndex != null || s.closedIndex != null) {
            failure(Check.SEALED_OPENING, index, "a second result for sealed stage " + s.id);
        }
        lastResult = new LastResult(s.id, recorded, mine, index);
        results.add(Map.entry(s.id, recorded));
    }

    /**
     * The recomputed result against the recorded one, byte for byte (canonical JSON). A package round's result holds
     * no time, and a round proven optimal is the same whatever the machine: its value, winners (the seeded tie rule
     * decides between equal allocations) and prices follow from the bids alone. Only a round not proven optimal
     * within the time limit, recorded or recomputed, depends on how far the solver got: then a difference is a
     * warning that the round could not be confirmed, unless the proven bound of one contradicts the other.
     */
    private void compare(StageState s, Recomputed r, JsonNode recorded, int index) {
        List<String> differences = differences(r.result(), recorded);
        if (differences.isEmpty()) {
            matching++;
            return;
        }
        String what = "the result of stage " + s.id + " recomputed from the opened bids differs from the recorded "
                + "one: " + String.join("; ", differences);
        if (r.certificate().isEmpty()) {
            failure(Check.RECOMPUTED_RESULT, index, what);
            return;
        }
        PackageOutcome.Certificate mine = r.certificate().get();
        JsonNode theirs = recorded.path("certificate");
        boolean theirsProven = theirs.path("provenOptimal").asBoolean(false);
        if (mine.provenOptimal() && theirsProven) {
            failure(Check.RECOMPUTED_RESULT, index, what + " (both proven optimal, so they must be identical)");
            return;
        }
        long theirValue = theirs.path("value").asLong(Long.MIN_VALUE);
        long theirBound = theirs.path("upperBound").asLong(Long.MAX_VALUE);
        if (theirValue > mine.upperBound() || mine.value() > theirBound) {
            failure(Check.RECOMPUTED_RESULT, index, what + " (the recorded certificate, value " + theirValue
                    + " bound " + theirBound + ", contradicts the recomputed one, value " + mine.value() + " bound "
                    + mine.upperBound() + ")");
            return;
        }
        warning(Check.RECOMPUTED_RESULT, index, "package round " + s.id + " could not be confirmed: "
                + (theirsProven ? "the recomputation" : "the recorded round") + " was not proven optimal within "
                + SealedPackageRound.SERVICE_TIME_LIMIT.toSeconds() + " s, and what a time-limited solver finds "
                + "depends on the machine; " + what);
    }

    /**
     * The second exact solve of a package round (PackageSecondSolve): where the round is small enough, the recorded
     * result against the brute-force optimum, winners and prices (PACKAGE_BRUTE_FORCE); in every case an information
     * finding says which solvers checked the round.
     */
    private void secondSolve(StageState s, Recomputed r, PackageSecondSolve.Solved solved, JsonNode recorded,
                             int index) {
        String cpSat = "package round " + s.id + ": winner determination recomputed with CP-SAT (CertifiedSolver, "
                + SealedPackageRound.SERVICE_TIME_LIMIT.toSeconds() + " s)";
        if (!solved.done()) {
            method(index, cpSat + " only: its " + solved.choices() + " choices of one package or none per bidder "
                    + "exceed the brute-force bound of " + PackageSecondSolve.MAX_CHOICES);
            return;
        }
        boolean tieRuleComplete = r.certificate().map(PackageOutcome.Certificate::tieBreakComplete).orElse(false);
        List<String> problems = PackageSecondSolve.problems(solved, recorded, tieRuleComplete);
        String brute = " and solved again by brute force (BruteForceSolver, " + solved.choices() + " choices): "
                + PackageSecondSolve.summary(solved);
        method(index, cpSat + brute + (problems.isEmpty() ? "; the recorded result agrees"
                : "; the recorded result disagrees (" + Check.PACKAGE_BRUTE_FORCE + ")"));
        if (!problems.isEmpty()) {
            failure(Check.PACKAGE_BRUTE_FORCE, index, "package round " + s.id + ", solved again by brute force: "
                    + String.join("; ", problems));
        }
    }

    // --- the outcome ------------------------------------------------------------------------------------------

    private void outcome(JsonNode p, int index) {
        JsonNode recorded = p.path("outcome");
        if (lastResult == null) {
            failure(Check.RECOMPUTED_OUTCOME, index, "an outcome is published without any stage result before it");
            return;
        }
        StageState last = stages.get(lastResult.stage());
        if (last == null || last.openedIndex == null) {
            if (isClock(last) || isSmra(last)) {
                return; // ClockRecomputation and SmraRecomputation check an outcome after a clock or SMRA stage
            }
            info(index, "the outcome follows stage " + lastResult.stage() + ", which is not a sealed stage: the "
                    + "verifier recomputes sealed stages only, so the outcome is not checked against it");
            return;
        }
        // an assignment's result lists frequencies, not awards: the recomputed outcome below covers it
        Optional<String> inconsistent = sealedAssignment(lastResult.stage()).isPresent() ? Optional.empty()
                : consistency(lastResult.recorded(), recorded);
        inconsistent.ifPresent(problem -> failure(Check.RECOMPUTED_OUTCOME, index,
                "the outcome disagrees with the result of stage " + lastResult.stage() + " (seq "
                        + seqOf(lastResult.index()) + "): " + problem));
        if (lastResult.recomputed().isEmpty()) {
            return;
        }
        Recomputed r = lastResult.recomputed().get();
        if (r.outcome().isEmpty()) {
            failure(Check.RECOMPUTED_OUTCOME, index, "an outcome is published after stage " + lastResult.stage()
                    + ", whose recomputed result is " + r.status() + (r.certificate().isPresent() ? ", not PRICED"
                    : ", not DECIDED"));
            return;
        }
        ObjectNode expected = r.outcome().get();
        List<String> differences = differences(expected, recorded);
        if (!differences.isEmpty()) {
            failure(Check.RECOMPUTED_OUTCOME, index, "the outcome recomputed from stage " + lastResult.stage()
                    + " differs from the published one: " + String.join("; ", differences));
        }
    }

    /**
     * Winners (lots per category, price) and revenue of the outcome against the awards of a recorded result (or the
     * winners of a package round's result, each with its blocks per category and price).
     */
    private static Optional<String> consistency(JsonNode result, JsonNode outcome) {
        Map<String, Map<String, Long>> lots = new TreeMap<>();
        Map<String, Long> prices = new TreeMap<>();
        for (JsonNode w : result.path("winners")) {
            String bidder = w.path("bidder").asString("");
            Map<String, Long> l = lots.computeIfAbsent(bidder, b -> new TreeMap<>());
            w.path("lots").properties().forEach(e -> l.merge(e.getKey(), e.getValue().asLong(), Long::sum));
            prices.merge(bidder, w.path("price").asLong(), Long::sum);
        }
        for (JsonNode a : result.path("awards")) {
            String bidder = a.path("bidder").asString("");
            lots.computeIfAbsent(bidder, b -> new TreeMap<>()).merge(a.path("category").asString(""),
                    a.path("blocks").asLong(), Long::sum);
            prices.merge(bidder, a.path("total").asLong(), Long::sum);
        }
        Map<String, Map<String, Long>> wonLots = new TreeMap<>();
        Map<String, Long> wonPrices = new TreeMap<>();
        for (JsonNode w : outcome.path("winners")) {
            String bidder = w.path("bidder").asString("");
            Map<String, Long> l = wonLots.computeIfAbsent(bidder, b -> new TreeMap<>());
            w.path("lots").properties().forEach(e -> l.merge(e.getKey(), e.getValue().asLong(), Long::sum));
            wonPrices.merge(bidder, w.path("price").asLong(), Long::sum);
        }
        List<String> problems = new ArrayList<>();
        if (!lots.equals(wonLots)) {
            problems.add("winners' lots " + wonLots + ", the result awards " + lots);
        }
        if (!prices.equals(wonPrices)) {
            problems.add("winners' prices " + wonPrices + ", the result's totals " + prices);
        }
        if (!canonical(result.path("revenue")).equals(canonical(outcome.path("revenue")))) {
            problems.add("revenue " + outcome.path("revenue") + ", the result's " + result.path("revenue"));
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    /** The top-level fields whose canonical JSON differs, each with both values; empty when equal. */
    static List<String> differences(JsonNode expected, JsonNode recorded) {
        List<String> out = new ArrayList<>();
        if (!recorded.isObject()) {
            out.add("the recorded value is not an object: " + shorten(String.valueOf(recorded)));
            return out;
        }
        Set<String> names = new LinkedHashSet<>(expected.propertyNames());
        names.addAll(recorded.propertyNames());
        for (String name : names) {
            String mine = expected.has(name) ? canonical(expected.get(name)) : "(absent)";
            String theirs = recorded.has(name) ? canonical(recorded.get(name)) : "(absent)";
            if (!mine.equals(theirs)) {
                out.add(name + ": recorded " + shorten(theirs) + ", recomputed " + shorten(mine));
            }
        }
        return out;
    }

    // --- reading ----------------------------------------------------------------------------------------------

    /** A bidder as the service wrote it: the state the rules see, read with the service's codec. */
    static Bidder bidder(BidderState state) {
        return BidderRecorded.readBidder(state.json(), state.registeredAt(), state.decidedAt());
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isString()) {
            throw new IllegalArgumentException(field + " is missing or not text");
        }
        return v.stringValue();
    }

    static int integer(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException(field + " is missing or not a whole number");
        }
        return v.intValue();
    }

    private static String hex64(JsonNode node, String field) {
        String v = text(node, field);
        if (!v.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(field + " is not 64 lower-case hex digits");
        }
        return v;
    }

    /** RFC 8785 canonical JSON of any value (the canonicaliser takes only objects and arrays at the top). */
    static String canonical(JsonNode node) {
        String json = SignedRecord.STRICT_JSON.writeValueAsString(node);
        if (node.isContainer()) {
            return CanonicalJson.canonicalize(json);
        }
        String wrapped = CanonicalJson.canonicalize("[" + json + "]");
        return wrapped.substring(1, wrapped.length() - 1);
    }

    private static String shorten(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
    }

    private long seqOf(int index) {
        return records.get(index).record().seq();
    }

    private void failure(Check check, int index, String detail) {
        findings.add(Finding.failure(check, seqOf(index), index + 2, detail));
    }

    private void warning(Check check, int index, String detail) {
        findings.add(Finding.warning(check, seqOf(index), index + 2, detail));
    }

    private void info(int index, String detail) {
        findings.add(Finding.info(Check.RECOMPUTE_SKIPPED, seqOf(index), index + 2, detail));
    }

    private void method(int index, String detail) {
        findings.add(Finding.info(Check.RECOMPUTE_METHOD, seqOf(index), index + 2, detail));
    }
}
