package org.ngms.auction.app;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.ngms.audit.AuditEvent;
import org.ngms.auction.events.AuctionCreated;
import org.ngms.auction.events.AuctionStateChanged;
import org.ngms.auction.events.BidderRecorded;
import org.ngms.auction.events.SealedBidRecorded;
import org.ngms.audit.Ed25519;
import org.ngms.audit.PublicKeyInfo;
import org.ngms.audit.Randomness;
import org.ngms.audit.SignedRecord;
import org.ngms.audit.TestTranscripts;
import org.ngms.audit.TranscriptRecord;
import org.ngms.audit.app.AuditTrail;
import org.ngms.verifier.BundleWriter;
import org.ngms.auction.Auction;
import org.ngms.auction.AuctionState;
import org.ngms.auction.Bidder;
import org.ngms.auction.Decision;
import org.ngms.auction.Qualification;
import org.ngms.auction.Registration;
import org.ngms.auction.Schedule;
import org.ngms.auction.sealed.PackageBid;
import org.ngms.auction.sealed.SealedBidContent;
import org.ngms.auction.app.SealedBidService.OpenedBid;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Scenario;
import org.ngms.directive.ScenarioBidder;
import org.ngms.directive.ScenarioLoader;
import org.ngms.directive.Stage;
import org.ngms.shared.CanonicalJson;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Transcripts of sealed stages for tests, written as the service writes them: the payloads of AuctionService
 * (AUCTION_CREATED with the whole directive document and the seed commitment, BIDDER_* with
 * BidderRecorded), SealedBidService (SEALED_BID_SUBMITTED / WITHDRAWN with the commitment of a
 * {@link SealedBidContent}) and StageService (STAGE_SCHEDULED, STAGE_OPENED, STAGE_CLOSED, SEALED_BIDS_OPENED,
 * STAGE_RESULT and OUTCOME_PUBLISHED from the service's own {@link SealedEvaluation}), then SEED_REVEALED. The
 * registration and qualification go through the real rules. Payloads stay editable, so a test can tamper with one
 * and {@link #bundle} re-chain and re-sign everything: only recomputation can then tell.
 */
public final class SealedTranscripts {

    public static final UUID AUCTION = UUID.fromString(TestTranscripts.AUCTION);
    public static final Ed25519.KeyPair KEY = TestTranscripts.key("service-key-2026");
    public static final List<PublicKeyInfo> KEYS =
            List.of(TestTranscripts.current(KEY, TestTranscripts.START.minusSeconds(86_400)));
    private static final Instant T = Instant.parse("2021-09-01T09:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PolicyDirective directive;
    private final Auction auction;
    private final byte[] seed;
    private final SealedEvaluation evaluation = new SealedEvaluation(new OutcomeWriter());
    private final List<TestTranscripts.Payload> payloads = new ArrayList<>();
    private final Map<String, Bidder> bidders = new LinkedHashMap<>();
    /** Per stage and bidder, every version: a content, or empty for a withdrawal. */
    private final Map<String, Map<String, List<Optional<SealedBidContent>>>> versions = new TreeMap<>();

    private SealedTranscripts(Scenario scenario, byte[] seed) {
        this.directive = scenario.policy();
        this.seed = seed.clone();
        Map<String, Instant> openings = new TreeMap<>();
        directive.stages().forEach(s -> openings.put(s.id(), T.plusSeconds(86_400)));
        Schedule schedule = new Schedule(T, T.plusSeconds(86_400), openings,
                Map.of(directive.stages().get(0).id(), T.plusSeconds(2 * 86_400)));
        this.auction = new Auction(AUCTION, scenario.directive().directive().id(), 1, scenario.directive().sha256(),
                directive.title(), AuctionState.DRAFT, schedule, T, T);
        append("pta-regulator", new AuctionCreated(auction, scenario.directive().canonicalJson(), Optional.empty(),
                Optional.empty(), schedule, Randomness.commitment(seed)));
    }

    /** An auction of scenario {@code dir} (under scenarios/) with every scenario bidder registered and qualified. */
    public static SealedTranscripts qualified(String dir, byte[] seed) {
        return qualified(Path.of("scenarios", dir), seed);
    }

    /** As {@link #qualified(String, byte[])}, for a scenario in any directory (e.g. a variant a test writes). */
    public static SealedTranscripts qualified(Path directory, byte[] seed) {
        Scenario scenario = ScenarioLoader.load(directory);
        SealedTranscripts t = new SealedTranscripts(scenario, seed);
        t.transition(AuctionState.DRAFT, AuctionState.QUALIFICATION);
        for (ScenarioBidder b : scenario.bidders()) {
            Registration.Application application = new Registration.Application(b.id(), b.organisation(),
                    b.newEntrant(), Optional.empty(), b.deposit(), b.requestedDemand());
            Bidder registered = allowed(Registration.register(t.directive, AuctionState.QUALIFICATION,
                    t.bidders.values(), application, T));
            t.bidders.put(b.id(), registered);
            t.append(b.id() + "-desk", BidderRecorded.registered(AUCTION, registered, application));
        }
        for (ScenarioBidder b : scenario.bidders()) {
            Bidder qualified = allowed(Qualification.qualify(t.directive, AuctionState.QUALIFICATION,
                    t.bidders.get(b.id()), T));
            t.bidders.put(b.id(), qualified);
            t.append("pta-regulator", BidderRecorded.qualified(AUCTION, qualified));
        }
        return t;
    }

    public PolicyDirective directive() {
        return directive;
    }

    /** The bidders as the BIDDER_* records so far left them, in registration order. */
    public List<Bidder> bidders() {
        return List.copyOf(bidders.values());
    }

    /** The auction's seed (committed in AUCTION_CREATED, revealed by {@link #concluded}). */
    public byte[] seed() {
        return seed.clone();
    }

    /** The first stage of the format, as the service schedules it when bidding opens; then it opens. */
    public SealedTranscripts biddingOpens() {
        transition(AuctionState.QUALIFICATION, AuctionState.BIDDING);
        Stage first = directive.stages().get(0);
        event("STAGE_SCHEDULED", AuditTrail.object().put("stage", first.id()).put("type", first.type().name())
                .put("opensAt", T.plusSeconds(86_400).toString()).put("closesAt", T.plusSeconds(2 * 86_400).toString()));
        event("STAGE_OPENED", AuditTrail.object().put("stage", first.id()));
        return this;
    }

    /** A sealed offer at reserve: validated by the service's rules, salted deterministically, committed. */
    public SealedTranscripts submit(String stage, String bidder, Map<String, Integer> demand) {
        ObjectNode body = AuditTrail.object();
        ObjectNode d = body.putObject("demand");
        demand.forEach(d::put);
        return seal(stage, bidder, body);
    }

    /** A sealed package offer (XOR): each package {id, lots, amount}, validated and committed as the service does. */
    public SealedTranscripts submitPackages(String stage, String bidder, List<PackageBid> packages) {
        ObjectNode body = AuditTrail.object();
        var list = body.putArray("packages");
        packages.forEach(p -> {
            ObjectNode o = list.addObject().put("id", p.id()).put("amount", p.amount().amount());
            ObjectNode lots = o.putObject("lots");
            new TreeMap<>(p.lots()).forEach(lots::put);
        });
        return seal(stage, bidder, body);
    }

    private SealedTranscripts seal(String stage, String bidder, ObjectNode body) {
        var valid = evaluation.validate(directive, directive.stage(stage).orElseThrow(), bidders.get(bidder), body);
        List<Optional<SealedBidContent>> own = versions.computeIfAbsent(stage, s -> new TreeMap<>())
                .computeIfAbsent(bidder, b -> new ArrayList<>());
        int version = own.size() + 1;
        String salt = CanonicalJson.sha256Hex("salt/" + stage + "/" + bidder + "/" + version).substring(0, 32);
        SealedBidContent content = new SealedBidContent(AUCTION.toString(), stage, bidder, version, valid, salt);
        own.add(Optional.of(content));
        sealedRecord(stage, bidder, version, Optional.of(content.commitment()));
        return this;
    }

    public SealedTranscripts withdraw(String stage, String bidder) {
        List<Optional<SealedBidContent>> own = versions.get(stage).get(bidder);
        own.add(Optional.empty());
        sealedRecord(stage, bidder, own.size(), Optional.empty());
        return this;
    }

    /** The sealed content of a bidder's version (as the service would open it), for tests that open the wrong one. */
    public SealedBidContent content(String stage, String bidder, int version) {
        return versions.get(stage).get(bidder).get(version - 1).orElseThrow(
                () -> new IllegalArgumentException(bidder + " v" + version + " is a withdrawal"));
    }

    /** Closes a stage as the service does: opens the latest live versions, evaluates, records, goes on. */
    public SealedTranscripts close(String stage) {
        return close(stage, UnaryOperator.identity());
    }

    /**
     * As {@link #close(String)}, but the bids the service opens (and evaluates) are {@code opening} applied to the
     * honest list, so a test can hide a bid or open a withdrawn one; the record of the closing counts what was opened,
     * as the service does.
     */
    public SealedTranscripts close(String stage, UnaryOperator<List<OpenedBid>> opening) {
        List<OpenedBid> honest = new ArrayList<>();
        versions.getOrDefault(stage, Map.of()).forEach((bidder, own) -> own.get(own.size() - 1).ifPresent(c ->
                honest.add(new OpenedBid(bidder, c.version(), c.commitment(), c))));
        List<OpenedBid> opened = opening.apply(honest);
        event("STAGE_CLOSED", AuditTrail.object().put("stage", stage).put("liveBids", opened.size()));
        ObjectNode openedJson = AuditTrail.object().put("stage", stage);
        var bids = openedJson.putArray("bids");
        opened.forEach(b -> bids.add(b.content().toJson().put("commitment", b.commitment())));
        event("SEALED_BIDS_OPENED", openedJson);
        SealedEvaluation.Result result = evaluation.evaluate(auction, directive, directive.stage(stage).orElseThrow(),
                List.copyOf(bidders.values()), opened, seed);
        event("STAGE_RESULT", AuditTrail.object().put("stage", stage).set("result", result.stageResult()));
        result.escalateTo().ifPresent(target -> event("STAGE_SCHEDULED", AuditTrail.object().put("stage", target)
                .put("type", directive.stage(target).orElseThrow().type().name())
                .put("opensAt", T.plusSeconds(3 * 86_400).toString())));
        result.outcome().ifPresent(outcome -> event("OUTCOME_PUBLISHED", AuditTrail.object().set("outcome", outcome)));
        return this;
    }

    /** The auction ends (as far as these tests go) and the seed is revealed. */
    public SealedTranscripts concluded() {
        transition(AuctionState.BIDDING, AuctionState.CONCLUDED);
        event("SEED_REVEALED", AuditTrail.object().put("auction", AUCTION.toString()).put("seed", Randomness.hex(seed)));
        return this;
    }

    /** The payloads so far, editable: change one and {@link #bundle} signs the changed transcript. */
    public List<TestTranscripts.Payload> payloads() {
        return payloads;
    }

    /** The last payload of {@code type}. */
    public ObjectNode last(String type) {
        for (int i = payloads.size() - 1; i >= 0; i--) {
            if (payloads.get(i).type().equals(type)) {
                return payloads.get(i).body();
            }
        }
        throw new IllegalArgumentException("no " + type);
    }

    /** The bundle lines: the payloads chained as records one minute apart, signed, with header and signed head. */
    public List<String> bundle() {
        return bundle(payloads);
    }

    public static List<String> bundle(List<TestTranscripts.Payload> payloads) {
        List<SignedRecord> records = new ArrayList<>();
        String prev = TranscriptRecord.GENESIS;
        long seq = 1;
        for (TestTranscripts.Payload p : payloads) {
            TranscriptRecord record = new TranscriptRecord(TestTranscripts.CHAIN, seq,  prev, p.type(),
                    PublicKeyInfo.format(TestTranscripts.at(seq)), p.body());
            SignedRecord signed = SignedRecord.sign(record, TestTranscripts.kid(KEY), KEY.privateKey());
            records.add(signed);
            prev = signed.hash();
            seq++;
        }
        return BundleWriter.write(TestTranscripts.CHAIN, records, KEYS, TestTranscripts.kid(KEY), KEY.privateKey());
    }

    // --- as the services write them

    private void transition(AuctionState from, AuctionState to) {
        append("pta-regulator", new AuctionStateChanged(AUCTION, from, to, to, Optional.empty()));
    }

    private void sealedRecord(String stage, String bidder, int version, Optional<String> commitment) {
        SealedBidRecorded event = new SealedBidRecorded(AUCTION, stage, bidder, version, commitment);
        ObjectNode payload = event.payload();
        payload.put("actor", bidder + "-desk");
        payload.set("request", event.request());
        payload.put("requestSha256", commitment.orElseGet(() -> AuditTrail.sha256(event.request())));
        payloads.add(new TestTranscripts.Payload(event.type(), payload));
    }

    /** As AuditTrail.append of an event caused by a request: the facts, the actor, the request and its SHA-256. */
    private void append(String actor, AuditEvent.Requested event) {
        request(event.type(), actor, event.request(), event.payload());
    }

    /** As AuditTrail.request: the facts, the actor, the request and its SHA-256. */
    private void request(String type, String actor, ObjectNode request, ObjectNode facts) {
        ObjectNode payload = facts.deepCopy();
        payload.put("actor", actor);
        payload.set("request", request);
        payload.put("requestSha256", AuditTrail.sha256(request));
        payloads.add(new TestTranscripts.Payload(type, payload));
    }

    private void event(String type, ObjectNode payload) {
        payloads.add(new TestTranscripts.Payload(type, payload));
    }

    private static <T> T allowed(Decision<T> decision) {
        if (decision instanceof Decision.Allowed<T> a) {
            return a.value();
        }
        throw new IllegalStateException("rejected: " + decision);
    }
}
