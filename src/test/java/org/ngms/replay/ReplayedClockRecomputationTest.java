package org.ngms.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ngms.audit.Ed25519;
import org.ngms.audit.PublicKeyInfo;
import org.ngms.audit.SignedRecord;
import org.ngms.audit.TestTranscripts;
import org.ngms.audit.TranscriptRecord;
import org.ngms.auction.events.ClockBidsSubmitted;
import org.ngms.auction.events.RoundOpened;
import org.ngms.auction.events.RoundResult;
import org.ngms.auction.events.SmraActionsSubmitted;
import org.ngms.auction.events.SmraRoundOpened;
import org.ngms.auction.events.SmraRoundResult;
import org.ngms.verifier.BundleVerifier;
import org.ngms.verifier.BundleWriter;
import org.ngms.verifier.Check;
import org.ngms.verifier.Finding;
import org.ngms.verifier.Verification;
import org.ngms.cli.Cli;
import org.ngms.shared.CanonicalJson;
import org.ngms.support.IntegrationTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The transcripts the service writes for real clock auctions, replayed through the real stages on PostgreSQL, pass
 * the offline verifier with every clock round recomputed from its published bids and matching byte for byte: AJK
 * &amp; GB 2021 (a sealed stage escalating product 1 to 18 clock rounds) and the Pakistan 5G 2026 auction (3 clock
 * rounds). Then a round, a round's bids or the outcome is changed and the whole chain re-signed with a test key, so
 * that only the recomputation can tell.
 */
class ReplayedClockRecomputationTest extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Replays are slow: one per scenario for the whole class. */
    private static final Map<String, List<TranscriptRecord>> REPLAYED = new ConcurrentHashMap<>();
    private static final Ed25519.KeyPair KEY = TestTranscripts.key("clock-recomputation-test");

    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    /** The service's bundle of a replayed scenario, checked with the service's published keys. */
    private Verification replayed(String scenario) {
        records(scenario);
        return SERVICE_VERIFICATION.get(scenario);
    }

    private static final Map<String, Verification> SERVICE_VERIFICATION = new ConcurrentHashMap<>();

    private List<TranscriptRecord> records(String scenario) {
        return REPLAYED.computeIfAbsent(scenario, s -> {
            String auction = new ScenarioReplay(context).run(Path.of("scenarios", s)).get("auction").asString();
            String bundle = anonymous.get().uri("/api/v1/auctions/" + auction + "/transcript").exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            List<PublicKeyInfo> keys = PublicKeyInfo.fromKeysDocument(JSON.readTree(anonymous.get()
                    .uri("/api/v1/keys").exchange().expectBody(String.class).returnResult().getResponseBody()));
            List<String> lines = Arrays.asList(bundle.split("\n"));
            SERVICE_VERIFICATION.put(s, BundleVerifier.verify(lines, Optional.of(keys), List.of()));
            return lines.subList(1, lines.size() - 1).stream().map(l -> SignedRecord.fromJsonLine(l).record())
                    .toList();
        });
    }

    /** The records with their payloads copied, so that a test may change them. */
    private List<TranscriptRecord> copy(String scenario) {
        return records(scenario).stream().map(r -> new TranscriptRecord(r.chain(), r.seq(), r.prev(), r.type(),
                r.at(), r.payload().deepCopy())).toList();
    }

    /** The records, re-linked, re-numbered, re-signed with the test key and written as a bundle. */
    private static List<String> resigned(List<TranscriptRecord> records) {
        List<SignedRecord> signed = new ArrayList<>();
        String prev = TranscriptRecord.GENESIS;
        long seq = 1;
        for (TranscriptRecord r : records) {
            TranscriptRecord relinked = new TranscriptRecord(r.chain(), seq++, prev, r.type(), r.at(), r.payload());
            signed.add(SignedRecord.sign(relinked, TestTranscripts.kid(KEY), KEY.privateKey()));
            prev = relinked.hash();
        }
        return BundleWriter.write(records.get(0).chain(), signed, List.of(key(records)), TestTranscripts.kid(KEY),
                KEY.privateKey());
    }

    private static PublicKeyInfo key(List<TranscriptRecord> records) {
        return TestTranscripts.current(KEY, Instant.parse(records.get(0).at()).minus(Duration.ofDays(1)));
    }

    private static Verification verify(List<TranscriptRecord> records) {
        return BundleVerifier.verify(resigned(records), Optional.of(List.of(key(records))), List.of());
    }

    private static List<TranscriptRecord> ofType(List<TranscriptRecord> records, String type) {
        return records.stream().filter(r -> r.type().equals(type)).toList();
    }

    private static ObjectNode payload(TranscriptRecord record) {
        return (ObjectNode) record.payload();
    }

    private static List<Check> failedChecks(Verification v) {
        return v.failures().stream().map(Finding::check).distinct().toList();
    }

    private static String canonical(JsonNode node) {
        return CanonicalJson.canonicalize(SignedRecord.STRICT_JSON.writeValueAsString(node));
    }

    // --- the 2014 SMRA

    @Test
    void the2014TranscriptVerifiesWithEverySmraRoundRecomputedByTheReferenceProcessorAndItsRecordsReadBack() {
        Verification v = replayed("pk-3g4g-2014");
        assertThat(v.failures()).isEmpty();
        assertThat(v.summary().recomputation().smraRounds()).isEqualTo(7);
        assertThat(v.summary().recomputation().smraRoundsMatching()).isEqualTo(7);
        int checked = 0;
        for (TranscriptRecord r : records("pk-3g4g-2014")) {
            ObjectNode p = payload(r);
            switch (r.type()) {
                case SmraRoundOpened.TYPE -> assertThat(canonical(SmraRoundOpened.read(p).payload()))
                        .isEqualTo(canonical(p));
                case SmraRoundResult.TYPE -> assertThat(canonical(SmraRoundResult.read(p).payload()))
                        .isEqualTo(canonical(p));
                case SmraActionsSubmitted.TYPE -> {
                    SmraActionsSubmitted e = SmraActionsSubmitted.read(p);
                    assertThat(canonical(e.request())).isEqualTo(canonical(p.get("request")));
                    ObjectNode facts = p.deepCopy();
                    facts.remove(List.of("actor", "request", "requestSha256"));
                    assertThat(canonical(e.payload())).isEqualTo(canonical(facts));
                }
                default -> {
                    continue;
                }
            }
            checked++;
        }
        assertThat(checked).as("7 openings, 7 results and the scripted action sets").isGreaterThan(14);
    }

    @Test
    void zongsWinningBidChangedIn2014sRoundFourIsNamedByTheSmraRecomputation() {
        List<TranscriptRecord> records = copy("pk-3g4g-2014");
        TranscriptRecord round4 = ofType(records, SmraRoundResult.TYPE).get(3);
        ObjectNode bid = (ObjectNode) payload(round4).get("actions").get(0).get("actions").get("bids").get(0);
        assertThat(bid.get("amount").longValue()).isEqualTo(306_920_000L);
        bid.put("amount", 306_930_000L);

        Verification v = verify(records);

        assertThat(failedChecks(v)).contains(Check.SMRA_ACTIONS);
        assertThat(v.firstFailure().orElseThrow().seq().getAsLong()).isEqualTo(round4.seq());
    }

    // --- the typed events write exactly the recorded bytes

    @Test
    void everyClockRecordReadAsItsTypedEventIsWrittenBackByteForByte() {
        for (String scenario : List.of("ajkgb-ngms-2021", "pk-5g-2026")) {
            List<TranscriptRecord> records = records(scenario);
            int checked = 0;
            for (TranscriptRecord r : records) {
                ObjectNode p = payload(r);
                switch (r.type()) {
                    case RoundOpened.TYPE -> assertThat(canonical(RoundOpened.read(p).payload())).isEqualTo(canonical(p));
                    case RoundResult.TYPE -> assertThat(canonical(RoundResult.read(p).payload())).isEqualTo(canonical(p));
                    case ClockBidsSubmitted.TYPE -> {
                        ClockBidsSubmitted e = ClockBidsSubmitted.read(p);
                        assertThat(canonical(e.request())).isEqualTo(canonical(p.get("request")));
                        ObjectNode facts = p.deepCopy();
                        facts.remove(List.of("actor", "request", "requestSha256"));
                        assertThat(canonical(e.payload())).isEqualTo(canonical(facts));
                    }
                    default -> {
                        continue;
                    }
                }
                checked++;
            }
            assertThat(checked).as(scenario).isGreaterThan(3);
        }
    }

    // --- clean bundles recompute every round and match

    @Test
    void ajkGb2021RecomputesItsEighteenClockRoundsAndTheOutcome() {
        Verification v = replayed("ajkgb-ngms-2021");

        assertThat(v.failures()).isEmpty();
        assertThat(v.summary().recomputation()).isEqualTo(new Verification.Recomputation(true, 1, 1, 0, 18, 18, 0));
        assertThat(v.findings()).noneMatch(f -> f.check() == Check.RECOMPUTE_SKIPPED);
        assertThat(ofType(records("ajkgb-ngms-2021"), "ROUND_RESULT")).hasSize(18);
    }

    @Test
    void pakistan5g2026RecomputesItsThreeAllocationAndFiveAssignmentRoundsTheFrequenciesAndTheOutcome() {
        Verification v = replayed("pk-5g-2026");

        assertThat(v.failures()).isEmpty();
        assertThat(v.summary().recomputation()).isEqualTo(new Verification.Recomputation(true, 0, 0, 0, 8, 8, 0));
        assertThat(v.findings()).noneMatch(f -> f.check() == Check.RECOMPUTE_SKIPPED);
    }

    @Test
    void theResignedCleanBundleVerifiesTooAndVerifySaysTheClockRoundsMatch() throws Exception {
        List<String> bundle = resigned(copy("ajkgb-ngms-2021"));
        Path file = dir.resolve("bundle.jsonl");
        Files.write(file, bundle);
        Path keys = dir.resolve("keys.json");
        Files.writeString(keys, PublicKeyInfo.keysDocument(List.of(key(records("ajkgb-ngms-2021")))).toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), "verify", file.toString(),
                "--keys", keys.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains(", sealed stages recomputed: 1, match, clock rounds recomputed: 18, match"
                + System.lineSeparator());
    }

    // --- changed and re-signed: caught by the recomputation only

    @Test
    void aChangedPostedPriceInOneRoundIsCaughtAtThatRound() {
        List<TranscriptRecord> records = copy("ajkgb-ngms-2021");
        TranscriptRecord round7 = ofType(records, "ROUND_RESULT").get(6);
        ObjectNode result = (ObjectNode) payload(round7).get("result");
        ObjectNode product = (ObjectNode) result.get("products").get(0);
        long posted = product.get("postedPrice").longValue();
        product.put("postedPrice", posted + 1_000);
        payload(round7).put("roundSha256", CanonicalJson.sha256Hex(canonical(result)));

        Verification v = verify(records);

        Finding first = v.firstFailure().orElseThrow();
        assertThat(first.check()).isEqualTo(Check.CLOCK_ROUND_RESULT);
        assertThat(first.seq().getAsLong()).isEqualTo(round7.seq());
        assertThat(first.detail()).contains("round 7 of clock stage clock recomputed from its bids differs")
                .contains("products[0: " + product.get("product").asString() + "].postedPrice: recorded "
                        + (posted + 1_000) + ", recomputed " + posted);
        // rounds 1 to 6 match; round 7 differs and the later rounds, which start from it, are not recomputed
        assertThat(v.summary().recomputation().clockRounds()).isEqualTo(7);
        assertThat(v.summary().recomputation().clockRoundsMatching()).isEqualTo(6);
        assertThat(failedChecks(v)).containsExactly(Check.CLOCK_ROUND_RESULT);
    }

    @Test
    void aRoundResultWhoseHashIsNotItsResultIsCaught() {
        List<TranscriptRecord> records = copy("pk-5g-2026");
        TranscriptRecord round2 = ofType(records, "ROUND_RESULT").get(1);
        payload(round2).put("roundSha256", "0".repeat(64));

        Verification v = verify(records);

        assertThat(failedChecks(v)).contains(Check.CLOCK_ROUND_RESULT);
        assertThat(v.firstFailure().orElseThrow().detail()).contains("is not the SHA-256 of the recorded result");
    }

    @Test
    void aBidSetLeftOutOfARoundResultIsCaught() {
        List<TranscriptRecord> records = copy("pk-5g-2026");
        TranscriptRecord round1 = ofType(records, "ROUND_RESULT").get(0);
        ArrayNode bids = (ArrayNode) payload(round1).get("bids");
        String removed = bids.get(0).get("bidder").asString();
        bids.remove(0);

        Verification v = verify(records);

        Finding first = v.firstFailure().orElseThrow();
        assertThat(first.check()).isEqualTo(Check.CLOCK_BIDS);
        assertThat(first.seq().getAsLong()).isEqualTo(round1.seq());
        assertThat(first.detail()).startsWith(removed + "'s bids v").contains("a bid set was left out");
    }

    @Test
    void aSwappedBidInARoundResultIsCaught() {
        List<TranscriptRecord> records = copy("ajkgb-ngms-2021");
        TranscriptRecord round3 = ofType(records, "ROUND_RESULT").get(2);
        ObjectNode bid = (ObjectNode) payload(round3).get("bids").get(0).get("bids").get(0);
        bid.put("quantity", bid.get("quantity").intValue() + 1);

        Verification v = verify(records);

        Finding first = v.firstFailure().orElseThrow();
        assertThat(first.check()).isEqualTo(Check.CLOCK_BIDS);
        assertThat(first.detail()).contains("are not the bids submitted as v");
    }

    @Test
    void aChangedOutcomeIsCaught() {
        List<TranscriptRecord> records = copy("ajkgb-ngms-2021");
        TranscriptRecord outcome = ofType(records, "OUTCOME_PUBLISHED").get(0);
        ObjectNode o = (ObjectNode) payload(outcome).get("outcome");
        o.put("revenue", o.get("revenue").longValue() - 1_000_000);

        Verification v = verify(records);

        assertThat(failedChecks(v)).containsExactly(Check.RECOMPUTED_OUTCOME);
        assertThat(v.firstFailure().orElseThrow().seq().getAsLong()).isEqualTo(outcome.seq());
        assertThat(v.firstFailure().orElseThrow().detail()).contains("revenue: recorded");
    }

    @Test
    void aChangedClockStageResultIsCaught() {
        List<TranscriptRecord> records = copy("pk-5g-2026");
        Predicate<TranscriptRecord> clockResult = r -> r.type().equals("STAGE_RESULT");
        TranscriptRecord result = records.stream().filter(clockResult).findFirst().orElseThrow();
        ObjectNode award = (ObjectNode) payload(result).get("result").get("clockAwards").get(0);
        award.put("total", award.get("total").longValue() - 1);

        Verification v = verify(records);

        assertThat(failedChecks(v)).contains(Check.CLOCK_STAGE_RESULT);
        assertThat(v.firstFailure().orElseThrow().detail()).contains("clockAwards: recorded");
    }

    @Test
    void changedFrequenciesInTheAssignmentResultOrTheOutcomeAreCaught() {
        List<TranscriptRecord> records = copy("pk-5g-2026");
        TranscriptRecord result = ofType(records, "STAGE_RESULT").get(1);
        ObjectNode zong = (ObjectNode) payload(result).get("result").get("markets").get(1).get("assigned").get(0);
        assertThat(zong.get("bidder").asString()).isEqualTo("zong");
        zong.put("range", "2630-2690");
        List<TranscriptRecord> other = copy("pk-5g-2026");
        TranscriptRecord outcome = ofType(other, "OUTCOME_PUBLISHED").get(0);
        ObjectNode winner = (ObjectNode) payload(outcome).get("outcome").get("winners").get(2);
        winner.put("assignmentPrice", 0);

        Verification changedResult = verify(records);
        Verification changedOutcome = verify(other);

        assertThat(failedChecks(changedResult)).containsExactly(Check.CLOCK_STAGE_RESULT);
        assertThat(changedResult.firstFailure().orElseThrow().detail()).contains("stage assignment", "markets: recorded");
        assertThat(failedChecks(changedOutcome)).containsExactly(Check.RECOMPUTED_OUTCOME);
        assertThat(changedOutcome.firstFailure().orElseThrow().detail()).contains("stage assignment", "winners: recorded");
    }

    @Test
    void aRecordedRationalisationIsRecomputedFromTheBandPlanAndTheOutcomeAndAChangedOneIsCaught() {
        List<TranscriptRecord> records = new ArrayList<>(copy("pk-5g-2026"));
        TranscriptRecord last = records.get(records.size() - 1);
        var directive = org.ngms.auction.sealed.SealedFixtures.directiveOf("pk-5g-2026");
        JsonNode outcome = ofType(records, "OUTCOME_PUBLISHED").get(0).payload().get("outcome");
        var band = org.ngms.auction.assignment.Rationalisations.after(directive, "3500", outcome);
        ObjectNode rationalisation = org.ngms.auction.assignment.Rationalisations.json(band,
                org.ngms.auction.assignment.Rationalisations.rationalise(band));
        ObjectNode payload = JSON.createObjectNode().put("category", "3500");
        payload.set("rationalisation", rationalisation);
        records.add(new TranscriptRecord(last.chain(), last.seq() + 1, last.hash(), "RATIONALISATION_COMPUTED",
                last.at(), payload));
        List<TranscriptRecord> changed = new ArrayList<>(records.stream().map(r -> new TranscriptRecord(r.chain(),
                r.seq(), r.prev(), r.type(), r.at(), r.payload().deepCopy())).toList());
        ((ObjectNode) changed.get(changed.size() - 1).payload().get("rationalisation")).put("mhzRetuned", "10");

        assertThat(verify(records).failures()).isEmpty();
        Verification v = verify(changed);
        assertThat(failedChecks(v)).containsExactly(Check.RECOMPUTED_RATIONALISATION);
        assertThat(v.firstFailure().orElseThrow().detail()).contains("mhzRetuned: recorded");
    }

    @Test
    void beforeTheSeedIsRevealedTheBidsAreCheckedButTheRoundsAreNotRecomputed() {
        List<TranscriptRecord> records = new ArrayList<>(copy("pk-5g-2026"));
        records.removeIf(r -> r.type().equals("SEED_REVEALED"));

        Verification v = verify(records);

        assertThat(v.failures()).isEmpty();
        assertThat(v.summary().recomputation()).isEqualTo(new Verification.Recomputation(true, 0, 0, 0, 0, 0, 2));
        assertThat(v.findings()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo(Check.RECOMPUTE_SKIPPED);
            assertThat(f.detail()).contains("clock stage").contains("cannot be recomputed before the seed is revealed");
        });
    }
}
