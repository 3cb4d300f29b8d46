package org.ngms.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ngms.audit.TestTranscripts;
import org.ngms.auction.app.SealedTranscripts;
import org.ngms.auction.sealed.DemandOffer;
import org.ngms.auction.sealed.SealedBids;
import org.ngms.auction.sealed.SealedBidContent;
import org.ngms.auction.app.SealedBidService.OpenedBid;

import tools.jackson.databind.node.ObjectNode;

/**
 * Recomputation of sealed stages from real transcripts: the Pakistan 2021 stage (Ufone alone, decided at reserve,
 * outcome published) and the AJK &amp; GB 2021 stage (products 2 and 3 awarded, product 1 escalated to the clock),
 * written as the service writes them (SealedTranscripts), then tampered with and re-signed so that only the
 * recomputation can tell.
 */
class SealedRecomputationTest {

    private static final byte[] SEED = TestTranscripts.SEED;

    private static List<DemandOffer> offers(String dir) {
        return SealedBids.load(Path.of("scenarios", dir)).offers("sealed");
    }

    /** Registered, qualified, bidding open, every scripted offer submitted. */
    private static SealedTranscripts submitted(String dir) {
        SealedTranscripts t = SealedTranscripts.qualified(dir, SEED).biddingOpens();
        offers(dir).forEach(o -> t.submit("sealed", o.bidder(), o.demand()));
        return t;
    }

    private static Verification verify(List<String> bundle) {
        return BundleVerifier.verify(bundle, Optional.of(SealedTranscripts.KEYS), List.of());
    }

    private static List<Check> failedChecks(Verification v) {
        return v.failures().stream().map(Finding::check).distinct().toList();
    }

    private static OpenedBid opened(SealedBidContent c) {
        return new OpenedBid(c.bidder(), c.version(), c.commitment(), c);
    }

    // --- clean bundles recompute and match

    @Test
    void pakistan2021RecomputesUfonesAwardAndTheOutcome() {
        SealedTranscripts t = submitted("pk-ngms-2021").close("sealed").concluded();

        Verification v = verify(t.bundle());

        assertThat(v.ok()).as(v.findings().toString()).isTrue();
        assertThat(v.summary().recomputation()).isEqualTo(new Verification.Recomputation(true, 1, 1, 0));
        assertThat(t.last("STAGE_RESULT").path("result").path("revenue").longValue()).isEqualTo(279_000_000L);
        assertThat(t.last("OUTCOME_PUBLISHED").path("outcome").path("revenue").longValue()).isEqualTo(279_000_000L);
        assertThat(v.findings()).noneMatch(f -> f.check() == Check.RECOMPUTE_SKIPPED);
    }

    @Test
    void ajkGb2021RecomputesTheAwardsAtReserveAndTheEscalationWithReplacedAndWithdrawnVersions() {
        SealedTranscripts t = SealedTranscripts.qualified("ajkgb-ngms-2021", SEED).biddingOpens();
        // versions before the final ones: a replaced bid, and a withdrawal followed by a new bid
        t.submit("sealed", "zong", Map.of("P1", 1));
        t.submit("sealed", "ufone", Map.of("P2", 1));
        t.withdraw("sealed", "ufone");
        offers("ajkgb-ngms-2021").forEach(o -> t.submit("sealed", o.bidder(), o.demand()));
        t.close("sealed").concluded();

        Verification v = verify(t.bundle());

        assertThat(v.ok()).as(v.findings().toString()).isTrue();
        assertThat(v.summary().recomputation()).isEqualTo(new Verification.Recomputation(true, 1, 1, 0));
        ObjectNode result = (ObjectNode) t.last("STAGE_RESULT").get("result");
        assertThat(result.path("status").asString()).isEqualTo("ESCALATED");
        assertThat(result.path("revenue").longValue()).isEqualTo(16_182_000L);
        assertThat(result.path("escalations").get(0).path("toStage").asString()).isEqualTo("clock");
    }

    @Test
    void beforeTheSeedIsRevealedTheOpeningsAreCheckedButTheResultIsNotRecomputed() {
        SealedTranscripts t = submitted("ajkgb-ngms-2021").close("sealed");

        Verification v = verify(t.bundle());

        assertThat(v.ok()).as(v.findings().toString()).isTrue();
        assertThat(v.summary().recomputation()).isEqualTo(new Verification.Recomputation(true, 0, 0, 1));
        assertThat(v.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Finding.Severity.INFO);
            assertThat(f.check()).isEqualTo(Check.RECOMPUTE_SKIPPED);
            assertThat(f.detail()).contains("cannot be recomputed before the seed is revealed");
        });
    }

    @Test
    void anOutcomeAfterAClockStageIsLeftToTheClockRecomputation() {
        SealedTranscripts t = submitted("ajkgb-ngms-2021").close("sealed");
        ObjectNode clockResult = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        clockResult.put("stage", "clock").putObject("result").put("stage", "clock").put("status", "DECIDED")
                .putArray("clockAwards");
        ObjectNode outcome = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        outcome.putObject("outcome").put("revenue", 30_580_000L).putArray("winners");
        t.payloads().add(new TestTranscripts.Payload("STAGE_RESULT", clockResult));
        t.payloads().add(new TestTranscripts.Payload("OUTCOME_PUBLISHED", outcome));
        t.concluded();

        Verification v = verify(t.bundle());

        // the sealed stage recomputes and matches; a clock result without a single round is the clock
        // recomputation's finding (ClockRecomputation), and the outcome after it is left to that recomputation
        assertThat(v.summary().recomputation()).isEqualTo(new Verification.Recomputation(true, 1, 1, 0));
        assertThat(failedChecks(v)).containsExactly(Check.CLOCK_STAGE_RESULT);
        assertThat(v.firstFailure().orElseThrow().detail()).contains("clock stage clock has a result but no round "
                + "result");
        assertThat(v.findings()).noneMatch(f -> f.check() == Check.RECOMPUTED_OUTCOME);
    }

    // --- a result or outcome changed and re-signed

    @Test
    void aChangedAwardInTheStageResultIsCaughtOnlyByRecomputation() {
        SealedTranscripts t = submitted("ajkgb-ngms-2021").close("sealed").concluded();
        ObjectNode result = (ObjectNode) t.last("STAGE_RESULT").get("result");
        for (var award : result.get("awards")) {
            if (award.path("bidder").asString().equals("telenor") && award.path("category").asString().equals("P3")) {
                var lots = ((ObjectNode) award).putArray("lotIds");
                lots.add("P3-B3").add("P3-B4").add("P3-B5");
            }
        }

        Verification v = verify(t.bundle());

        assertThat(failedChecks(v)).containsExactly(Check.RECOMPUTED_RESULT);
        assertThat(v.firstFailure().orElseThrow().detail()).contains("awards: recorded")
                .contains("\"P3-B3\",\"P3-B4\",\"P3-B5\"").contains("\"P3-B1\",\"P3-B2\",\"P3-B3\"");
        assertThat(v.summary().recomputation()).isEqualTo(new Verification.Recomputation(true, 1, 0, 0));
        assertThat(BundleVerifier.verify(t.bundle(), Optional.of(SealedTranscripts.KEYS), List.of(), false).ok())
                .as("without recomputation the re-signed bundle verifies").isTrue();
    }

    @Test
    void aChangedAwardInResultAndOutcomeIsCaught() {
        SealedTranscripts t = submitted("pk-ngms-2021").close("sealed").concluded();
        ObjectNode award = (ObjectNode) t.last("STAGE_RESULT").get("result").get("awards").get(1);
        award.put("blocks", 19).put("total", 19 * 6_200_000L);
        ((ObjectNode) t.last("STAGE_RESULT").get("result")).put("revenue", 272_800_000L);
        ObjectNode outcome = (ObjectNode) t.last("OUTCOME_PUBLISHED").get("outcome");
        outcome.put("revenue", 272_800_000L);
        ((ObjectNode) outcome.get("winners").get(0)).put("price", 272_800_000L);
        ((ObjectNode) outcome.get("winners").get(0).get("lots")).put("1800-B", 19);

        Verification v = verify(t.bundle());

        assertThat(failedChecks(v)).containsExactly(Check.RECOMPUTED_RESULT, Check.RECOMPUTED_OUTCOME);
        assertThat(v.failures().get(1).detail()).contains("revenue: recorded 272800000, recomputed 279000000");
    }

    @Test
    void anOutcomeThatDisagreesWithTheRecordedResultIsCaughtEvenBeforeTheSeedIsRevealed() {
        SealedTranscripts t = submitted("pk-ngms-2021").close("sealed");
        ((ObjectNode) t.last("OUTCOME_PUBLISHED").get("outcome")).put("revenue", 1L);

        Verification v = verify(t.bundle());

        assertThat(failedChecks(v)).containsExactly(Check.RECOMPUTED_OUTCOME);
        assertThat(v.firstFailure().orElseThrow().detail()).contains("disagrees with the result of stage sealed");
    }

    // --- openings

    @Test
    void anOpenedBidWhoseContentWasSwappedIsCaughtByItsCommitment() {
        SealedTranscripts t = submitted("ajkgb-ngms-2021");
        // the service opens (and evaluates) other content under Ufone's commitment
        t.close("sealed", honest -> {
            List<OpenedBid> swapped = new ArrayList<>();
            for (OpenedBid b : honest) {
                if (b.bidder().equals("ufone")) {
                    ObjectNode other = (ObjectNode) b.content().bid().deepCopy();
                    ((ObjectNode) other.get("demand")).put("P2", 2);
                    SealedBidContent c = b.content();
                    swapped.add(new OpenedBid(b.bidder(), b.version(), b.commitment(),
                            new SealedBidContent(c.auction(), c.stage(), c.bidder(), c.version(), other, c.salt())));
                } else {
                    swapped.add(b);
                }
            }
            return swapped;
        }).concluded();

        Verification v = verify(t.bundle());

        assertThat(failedChecks(v)).containsExactly(Check.SEALED_COMMITMENT);
        assertThat(v.firstFailure().orElseThrow().detail()).contains("sealed/ufone: the opened content hashes to")
                .contains("is not what was committed to");
    }

    @Test
    void aHiddenBidIsCaught() {
        SealedTranscripts t = submitted("ajkgb-ngms-2021");
        t.close("sealed", honest -> honest.stream().filter(b -> !b.bidder().equals("ufone")).toList()).concluded();

        Verification v = verify(t.bundle());

        assertThat(failedChecks(v)).contains(Check.SEALED_HIDDEN).doesNotContain(Check.RECOMPUTED_RESULT);
        assertThat(v.failures()).anySatisfy(f -> assertThat(f.detail())
                .startsWith("ufone's latest live submission in stage sealed (v1").endsWith("was not opened"));
        assertThat(v.failures()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo(Check.SEALED_OPENING);
            assertThat(f.detail()).contains("closes with liveBids 3, but 4 bidder(s) hold a live submission");
        });
    }

    @Test
    void aWithdrawnBidThatWasOpenedAnywayIsCaught() {
        SealedTranscripts t = submitted("ajkgb-ngms-2021");
        t.withdraw("sealed", "jazz");
        t.close("sealed", honest -> {
            List<OpenedBid> all = new ArrayList<>(honest);
            all.add(0, opened(t.content("sealed", "jazz", 1)));
            return all;
        }).concluded();

        Verification v = verify(t.bundle());

        assertThat(failedChecks(v)).contains(Check.SEALED_WITHDRAWN_OPENED).doesNotContain(Check.SEALED_COMMITMENT);
        assertThat(v.failures()).anySatisfy(f -> assertThat(f.detail())
                .contains("jazz withdrew its bid (v2").contains("it is jazz's earlier version v1"));
    }

    @Test
    void aSubmissionRecordedAfterTheStageClosedIsCaught() {
        SealedTranscripts t = submitted("pk-ngms-2021").close("sealed");
        ObjectNode late = t.last("SEALED_BID_SUBMITTED").deepCopy().put("version", 2);
        t.payloads().add(new TestTranscripts.Payload("SEALED_BID_SUBMITTED", late));
        t.concluded();

        Verification v = verify(t.bundle());

        assertThat(failedChecks(v)).containsExactly(Check.SEALED_SUBMISSIONS);
        assertThat(v.firstFailure().orElseThrow().detail()).contains("ufone v2 in stage sealed is recorded after the "
                + "stage closed");
    }

    @Test
    void anEarlierVersionOpenedInsteadOfTheLatestIsCaught() {
        SealedTranscripts t = SealedTranscripts.qualified("pk-ngms-2021", SEED).biddingOpens();
        t.submit("sealed", "ufone", Map.of("1800-A", 1));
        t.submit("sealed", "ufone", Map.of("1800-A", 1, "1800-B", 20));
        t.close("sealed", honest -> List.of(opened(t.content("sealed", "ufone", 1)))).concluded();

        Verification v = verify(t.bundle());

        assertThat(failedChecks(v)).contains(Check.SEALED_NOT_LATEST);
        assertThat(v.failures()).anySatisfy(f -> assertThat(f.detail())
                .contains("is not that of ufone's latest version v2").contains("it is ufone's earlier version v1"));
    }
}
