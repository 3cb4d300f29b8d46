package org.ngms.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ngms.audit.PublicKeyInfo;
import org.ngms.audit.TestTranscripts;
import org.ngms.auction.app.SealedTranscripts;
import org.ngms.auction.events.SmraActionSet;
import org.ngms.auction.smra.IncrementalSmraProcessor;
import org.ngms.auction.smra.ReferenceSmraProcessor;
import org.ngms.auction.smra.SmraActions;
import org.ngms.auction.smra.SmraBid;
import org.ngms.auction.smra.SmraOutcome;
import org.ngms.auction.smra.SmraReasonCode;
import org.ngms.auction.smra.SmraRoundJson;
import org.ngms.auction.smra.SmraStage;
import org.ngms.cli.Cli;
import org.ngms.shared.CanonicalJson;
import org.ngms.shared.Percent;

import tools.jackson.databind.node.ObjectNode;

/**
 * The verifier recomputes SMRA rounds with {@link ReferenceSmraProcessor}, not with the service's
 * {@link IncrementalSmraProcessor}. The transcripts here are written as the service writes them
 * ({@link SmraTranscripts}) for a small directive of this test's own (three licences of 2100 MHz, a regulator's
 * increment of 5–10 %, two waivers), by plain {@link SmraStage} with the service's processor: five rounds with a
 * superseded version, a regulator's increment set twice for round 2, a round at the range's minimum, a rejected bid,
 * automatic and proactive waivers. Every bundle is signed with the test key, so signatures and hashes all verify:
 * only the recomputation can tell a changed record.
 */
class SmraRecomputationTest {

    private static final long M = 1_000_000;
    private static final String STAGE = "smra";

    private static final String DIRECTIVE = """
            schema: ngms-directive/1
            id: TEST-SMRA-VERIFY
            title: A small SMRA for the verifier's tests
            issuer: Test regulator
            issued: 2026-01-05
            legalBasis: none (a test directive)
            reference: SmraRecomputationTest
            spectrumCounting: ONE_DIRECTION
            currency:
              auction: USD
              payment: USD
            licenceAreas:
              - id: PK
                name: Pakistan
                regions: [PAKISTAN]
            bands:
              - { id: "2100", name: 2100 MHz, duplex: FDD, uplink: "1920-1980", downlink: "2110-2170" }
            lotCategories:
              - id: 2100-10
                name: 2100 MHz 2x10 MHz lots
                area: PK
                band: "2100"
                blockMhz: "10"
                blocks: 2
                reservePerBlock: 100000000
                eligibilityPointsPerBlock: 100
              - id: 2100-5
                name: 2100 MHz 2x5 MHz lot
                area: PK
                band: "2100"
                blockMhz: "5"
                blocks: 1
                reservePerBlock: 50000000
                eligibilityPointsPerBlock: 50
            deposit:
              basis: PERCENT_OF_RESERVE
              percent: "10"
              instrument: BANK_GUARANTEE_OR_CASH
              eligibility: DEMAND_COVERED
              forfeitureOn: [WITHDRAWAL_AFTER_QUALIFICATION, DEFAULT_ON_WINNING_BID]
            stages:
              - id: smra
                type: SMRA
                roundMinutes: 30
                minIncrementPercent: "5"
                maxIncrementPercent: "10"
                activityRequirementPercent: "100"
                waivers: 2
                withdrawalsAllowed: false
                bidMultiple: 1000000
                clickBoxIncrements: 1
            payment:
              moratoriumMonths: 0
              options:
                - id: full
                  upfront: { percent: "100", dueDays: 30, after: AWARD }
            licence:
              termYears: 15
              technologyNeutral: true
              tradingAllowed: false
              sharingAllowed: false
            """;

    private static final String BIDDERS = """
            schema: ngms-bidders/1
            directive: TEST-SMRA-VERIFY
            bidders:
              - { id: alpha, organisation: Alpha, newEntrant: false, deposit: 10000000,
                  requestedDemand: { "2100-10": 1 } }
              - { id: beta, organisation: Beta, newEntrant: false, deposit: 15000000,
                  requestedDemand: { "2100-10": 1, "2100-5": 1 } }
              - { id: gamma, organisation: Gamma, newEntrant: false, deposit: 5000000,
                  requestedDemand: { "2100-5": 1 } }
            """;

    private static final String OUTCOME = """
            schema: ngms-outcome/1
            directive: TEST-SMRA-VERIFY
            awards:
              - { bidder: alpha, lots: { "2100-10": 1 }, price: 100000000 }
              - { bidder: beta, lots: { "2100-10": 1 }, price: 100000000 }
              - { bidder: gamma, lots: { "2100-5": 1 }, price: 62000000 }
            unsold: {}
            revenue: 262000000
            """;

    /**
     * Five rounds: beta's second version replaces its first; the regulator sets round 2's increment twice (the last,
     * 10 %, counts) and none for later rounds (the range's minimum, 5 %); alpha's bid below the minimum acceptable bid
     * in round 2 is rejected (the service refuses such a set at submission; a round records the rejection all the
     * same, and the verifier must recompute it); gamma, outbid, has an automatic waiver in round 2, waives proactively
     * in round 3 (which keeps the stage open) and wins the 2x5 lot in round 4; round 5 has no bid and ends the stage.
     */
    private static final List<SmraTranscripts.Round> SCRIPT = List.of(
            SmraTranscripts.Round.of(SmraActions.bid("alpha", "2100-10-1", 100 * M),
                    SmraActions.bid("beta", "2100-10-1", 100 * M),
                    SmraActions.bids("beta", new SmraBid("2100-10-2", 100 * M), new SmraBid("2100-5", 50 * M)),
                    SmraActions.bid("gamma", "2100-5", 53 * M))
                    .thenIncrements(Percent.of(8), Percent.of(10)),
            SmraTranscripts.Round.of(SmraActions.bid("beta", "2100-5", 59 * M),
                    SmraActions.bid("alpha", "2100-10-2", 105 * M)),
            SmraTranscripts.Round.of(SmraActions.waiver("gamma")),
            SmraTranscripts.Round.of(SmraActions.bid("gamma", "2100-5", 62 * M)),
            SmraTranscripts.Round.of());

    @TempDir
    Path dir;

    /** The test's scenario, every bidder qualified, its SMRA stage open. */
    private SealedTranscripts opened() {
        try {
            Path scenario = Files.createDirectories(dir.resolve("smra-verify"));
            Files.writeString(scenario.resolve("directive.yaml"), DIRECTIVE);
            Files.writeString(scenario.resolve("bidders.yaml"), BIDDERS);
            Files.writeString(scenario.resolve("outcome.yaml"), OUTCOME);
            return SealedTranscripts.qualified(scenario, TestTranscripts.SEED).biddingOpens();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The script run as the service runs it, each round's sets listed in reverse order of bidder. */
    private SealedTranscripts written() {
        SealedTranscripts t = opened();
        SmraTranscripts.run(t, STAGE, SCRIPT, (round, sets) -> {
            List<SmraActionSet> reversed = new ArrayList<>(sets);
            Collections.reverse(reversed);
            return reversed;
        });
        return t;
    }

    private static Verification verify(SealedTranscripts t) {
        return BundleVerifier.verify(t.bundle(), Optional.of(SealedTranscripts.KEYS), List.of());
    }

    /** The seq of the first record of {@code type} for round {@code round} (records are numbered from 1 in order). */
    private static long seqOf(SealedTranscripts t, String type, int round) {
        for (int i = 0; i < t.payloads().size(); i++) {
            TestTranscripts.Payload p = t.payloads().get(i);
            if (p.type().equals(type) && p.body().path("round").intValue() == round) {
                return i + 1;
            }
        }
        throw new AssertionError("no " + type + " for round " + round);
    }

    private static long seqOf(SealedTranscripts t, String type) {
        for (int i = t.payloads().size() - 1; i >= 0; i--) {
            if (t.payloads().get(i).type().equals(type)) {
                return i + 1;
            }
        }
        throw new AssertionError("no " + type);
    }

    private static ObjectNode payload(SealedTranscripts t, String type, int round) {
        return t.payloads().get((int) seqOf(t, type, round) - 1).body();
    }

    // --- written by the service's processor: the reference recomputes every round byte for byte

    @Test
    void anSmraStageWrittenByTheIncrementalProcessorIsRecomputedByTheReferenceOneByteForByte() {
        SealedTranscripts t = opened();
        SmraStage stage = SmraTranscripts.run(t, STAGE, SCRIPT);
        t.concluded();

        Verification v = verify(t);

        assertThat(v.failures()).as(v.findings().toString()).isEmpty();
        assertThat(stage.ended()).isTrue();
        assertThat(stage.rounds()).hasSize(5);
        assertThat(v.summary().recomputation())
                .isEqualTo(new Verification.Recomputation(true, 0, 0, 0, 0, 0, 0, 5, 5, 0));
        assertThat(v.findings()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo(Check.RECOMPUTE_METHOD);
            assertThat(f.severity()).isEqualTo(Finding.Severity.INFO);
            assertThat(f.seq().getAsLong()).isEqualTo(seqOf(t, "SMRA_ROUND_RESULT", 1));
            assertThat(f.detail()).contains("SMRA stage smra: 5 round(s) recomputed with the reference SMRA processor "
                    + "(ReferenceSmraProcessor");
        });
        // nothing is left unchecked: not the rounds, not the outcome after them
        assertThat(v.findings()).noneMatch(f -> f.check() == Check.RECOMPUTE_SKIPPED);
        // the script did what it says: 10 % in round 2, the range's minimum after, a rejection, a proactive waiver
        assertThat(stage.rounds().get(1).increment()).contains(Percent.of(10));
        assertThat(stage.rounds().get(2).increment()).contains(Percent.of(5));
        assertThat(stage.rounds().get(1).rejections()).singleElement().satisfies(r -> {
            assertThat(r.bidder()).isEqualTo("alpha");
            assertThat(r.reason()).isEqualTo(SmraReasonCode.BELOW_MINIMUM_ACCEPTABLE_BID);
        });
        assertThat(SmraRoundJson.canonical(stage.rounds().get(2))).contains("\"waiver\":\"PROACTIVE\"");
        SmraOutcome outcome = stage.outcome().orElseThrow();
        assertThat(outcome.awards()).extracting(a -> a.licence() + " " + a.bidder() + " " + a.price())
                .containsExactly("2100-10-1 alpha 100000000", "2100-10-2 beta 100000000", "2100-5 gamma 62000000");
        assertThat(outcome.revenue()).isEqualTo(262 * M);
    }

    @Test
    void actionSetsListedInAnyOrderVerifyAndTheSummarySaysSoInItsOneLine() throws IOException {
        SealedTranscripts t = written().concluded();
        Path bundle = Files.write(dir.resolve("bundle.jsonl"), t.bundle());
        Path keys = Files.writeString(dir.resolve("keys.json"),
                PublicKeyInfo.keysDocument(SealedTranscripts.KEYS).toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), "verify", bundle.toString(),
                "--keys", keys.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains(", 0 receipt(s) checked, SMRA rounds recomputed: 5, match"
                + System.lineSeparator());
    }

    @Test
    void beforeTheSeedIsRevealedTheActionsAreCheckedAndTheRoundsAreNot() {
        SealedTranscripts t = written();

        Verification v = verify(t);

        assertThat(v.failures()).as(v.findings().toString()).isEmpty();
        assertThat(v.summary().recomputation())
                .isEqualTo(new Verification.Recomputation(true, 0, 0, 0, 0, 0, 0, 0, 0, 1));
        assertThat(v.findings()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo(Check.RECOMPUTE_SKIPPED);
            assertThat(f.seq().getAsLong()).isEqualTo(seqOf(t, "SMRA_ROUND_OPENED", 1));
            assertThat(f.detail()).contains("SMRA stage smra cannot be recomputed before the seed is revealed");
        });

        // the actions are checked all the same
        ((ObjectNode) payload(t, "SMRA_ROUND_RESULT", 2).get("actions").get(0)).put("version", 2);
        assertThat(verify(t).firstFailure().orElseThrow().check()).isEqualTo(Check.SMRA_ACTIONS);
    }

    // --- changed and re-signed: caught by the recomputation only

    @Test
    void aChangedBidAmountInTheActionsARoundResultListsIsCaughtAtThatResult() {
        SealedTranscripts t = written().concluded();
        ObjectNode result = payload(t, "SMRA_ROUND_RESULT", 1);
        ObjectNode beta = null;
        for (var set : result.get("actions")) {
            if (set.get("bidder").asString().equals("beta")) {
                beta = (ObjectNode) set;
            }
        }
        ((ObjectNode) beta.get("actions").get("bids").get(1)).put("amount", 53 * M);

        Verification v = verify(t);

        Finding first = v.firstFailure().orElseThrow();
        assertThat(first.check()).isEqualTo(Check.SMRA_ACTIONS);
        assertThat(first.seq().getAsLong()).isEqualTo(seqOf(t, "SMRA_ROUND_RESULT", 1));
        assertThat(first.detail()).contains("beta's actions v2 listed for round 1 of SMRA stage smra are not the "
                + "actions submitted as v2 (seq " + (seqOf(t, "SMRA_ACTIONS_SUBMITTED", 1) + 2) + ")")
                .contains("\"amount\":53000000").contains("\"amount\":50000000");
    }

    @Test
    void aChangedByteOfARoundResultWithItsShaRecomputedIsCaughtAtThatRound() {
        SealedTranscripts t = written().concluded();
        ObjectNode record = payload(t, "SMRA_ROUND_RESULT", 3);
        ObjectNode licence = (ObjectNode) record.get("result").get("licences").get(2);
        assertThat(licence.get("licence").asString()).isEqualTo("2100-5");
        assertThat(licence.get("standingBid").longValue()).isEqualTo(59 * M);
        licence.put("standingBid", 60 * M);
        record.put("roundSha256", CanonicalJson.sha256Hex(SealedRecomputation.canonical(record.get("result"))));

        Verification v = verify(t);

        Finding first = v.firstFailure().orElseThrow();
        assertThat(first.check()).isEqualTo(Check.SMRA_ROUND_RESULT);
        assertThat(first.seq().getAsLong()).isEqualTo(seqOf(t, "SMRA_ROUND_RESULT", 3));
        assertThat(first.detail()).contains("round 3 of SMRA stage smra recomputed from its action sets differs from "
                + "the recorded result").contains("licences[2: 2100-5].standingBid: recorded 60000000, recomputed "
                + "59000000");
        assertThat(v.summary().recomputation())
                .isEqualTo(new Verification.Recomputation(true, 0, 0, 0, 0, 0, 0, 3, 2, 0));
        // the later rounds, the stage result and the outcome follow from it: not compared, said so
        assertThat(v.failures()).extracting(Finding::check).containsExactly(Check.SMRA_ROUND_RESULT);
        assertThat(v.findings()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo(Check.RECOMPUTE_SKIPPED);
            assertThat(f.seq().getAsLong()).isEqualTo(seqOf(t, "OUTCOME_PUBLISHED"));
        });
    }

    @Test
    void aSubmissionTheServiceLeftOutOfItsRoundIsCaughtAtThatRoundsResult() {
        // the service processes round 4 without gamma's bid: its own result is consistent, the stage ends there
        SealedTranscripts t = opened();
        SmraStage stage = SmraTranscripts.run(t, STAGE, SCRIPT, (round, sets) -> round == 4
                ? sets.stream().filter(s -> !s.bidder().equals("gamma")).toList() : sets);
        t.concluded();
        assertThat(stage.rounds()).hasSize(4);

        Verification v = verify(t);

        assertThat(v.failures()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.SMRA_ACTIONS);
            assertThat(f.seq().getAsLong()).isEqualTo(seqOf(t, "SMRA_ROUND_RESULT", 4));
            assertThat(f.detail()).isEqualTo("gamma's actions v1 for round 4 of SMRA stage smra (seq "
                    + seqOf(t, "SMRA_ACTIONS_SUBMITTED", 4) + ") are not listed in the round's result: an action set "
                    + "was left out");
        });
    }

    @Test
    void aSubmissionDroppedFromTheTranscriptIsCaughtAtTheResultThatListsIt() {
        SealedTranscripts t = written().concluded();
        long dropped = seqOf(t, "SMRA_ACTIONS_SUBMITTED", 4);
        t.payloads().remove((int) dropped - 1);

        Verification v = verify(t);

        assertThat(v.failures()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.SMRA_ACTIONS);
            assertThat(f.seq().getAsLong()).isEqualTo(seqOf(t, "SMRA_ROUND_RESULT", 4));
            assertThat(f.detail()).isEqualTo("gamma's actions v1 listed for round 4 of SMRA stage smra: gamma "
                    + "submitted no actions for this round");
        });
    }

    @Test
    void aChangedRegulatorsIncrementIsCaughtWhereTheRoundOpens() {
        SealedTranscripts t = written().concluded();
        // the last increment set for round 2 (while round 1 is open) said 9 %, not the 10 % round 2 opened with
        long set = seqOf(t, "ROUND_INCREMENT_SET", 2) + 1;
        ObjectNode last = t.payloads().get((int) set - 1).body();
        assertThat(last.get("percent").asString()).isEqualTo("10");
        last.put("percent", "9");
        ((ObjectNode) last.get("request")).put("percent", "9");

        Verification v = verify(t);

        assertThat(v.failures()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.SMRA_ROUND_OPENED);
            assertThat(f.seq().getAsLong()).isEqualTo(seqOf(t, "SMRA_ROUND_OPENED", 2));
            assertThat(f.detail()).isEqualTo("round 2 of SMRA stage smra opens with increment 10%, but the "
                    + "regulator set 9% for it (seq " + set + ")");
        });
    }

    @Test
    void aRoundOpenedWithAnotherIncrementThanTheRangesMinimumIsCaughtThere() {
        SealedTranscripts t = written().concluded();
        payload(t, "SMRA_ROUND_OPENED", 3).put("increment", "6");

        Verification v = verify(t);

        Finding first = v.firstFailure().orElseThrow();
        assertThat(first.check()).isEqualTo(Check.SMRA_ROUND_OPENED);
        assertThat(first.seq().getAsLong()).isEqualTo(seqOf(t, "SMRA_ROUND_OPENED", 3));
        assertThat(first.detail()).isEqualTo("round 3 of SMRA stage smra opens with increment 6%, but none was set "
                + "for it, so it opens at the range's minimum, 5%");
        // its recorded prices are the 5 % ones, not what 6 % gives; the round recomputed at 6 % differs too
        assertThat(v.failures()).extracting(Finding::check).containsExactly(Check.SMRA_ROUND_OPENED,
                Check.SMRA_ROUND_OPENED, Check.SMRA_ROUND_RESULT);
        assertThat(v.failures().get(1).detail()).contains("the prices of round 3 of SMRA stage smra differ from the "
                + "recomputed ones: licences: recorded");
    }

    @Test
    void aChangedPriceInThePublishedOutcomeIsCaughtThere() {
        SealedTranscripts t = written().concluded();
        ObjectNode outcome = (ObjectNode) t.last("OUTCOME_PUBLISHED").get("outcome");
        ObjectNode gamma = null;
        for (var w : outcome.get("winners")) {
            if (w.get("bidder").asString().equals("gamma")) {
                gamma = (ObjectNode) w;
            }
        }
        assertThat(gamma.get("price").longValue()).isEqualTo(62 * M);
        gamma.put("price", 59 * M);

        Verification v = verify(t);

        assertThat(v.failures()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.RECOMPUTED_OUTCOME);
            assertThat(f.seq().getAsLong()).isEqualTo(seqOf(t, "OUTCOME_PUBLISHED"));
            assertThat(f.detail()).contains("the outcome recomputed from SMRA stage smra and the earlier stage "
                    + "results differs from the published one: winners: recorded");
        });
    }

    @Test
    void aChangedAwardInTheStageResultIsCaughtThere() {
        SealedTranscripts t = written().concluded();
        ((ObjectNode) t.last("STAGE_RESULT").get("result").get("awards").get(2)).put("bidder", "beta");

        Verification v = verify(t);

        assertThat(v.failures()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.SMRA_STAGE_RESULT);
            assertThat(f.seq().getAsLong()).isEqualTo(seqOf(t, "STAGE_RESULT"));
            assertThat(f.detail()).contains("the result of SMRA stage smra recomputed from its rounds differs from "
                    + "the recorded one: awards: recorded");
        });
    }
}
