package org.ngms.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.ngms.audit.TestTranscripts;
import org.ngms.auction.app.SealedTranscripts;
import org.ngms.auction.clock.ClockProcessor;
import org.ngms.auction.clock.ClockRound;
import org.ngms.auction.clock.ClockRoundJson;
import org.ngms.auction.clock.ClockStage;
import org.ngms.auction.clock.FastClockProcessor;
import org.ngms.auction.clock.ReferenceClockProcessor;
import org.ngms.auction.sealed.SealedBids;

/**
 * The verifier recomputes clock rounds with {@link ReferenceClockProcessor}, not with the service's
 * {@link FastClockProcessor}, so a bug in the fast processor is caught, not reproduced. The transcripts here are
 * written as the service writes them ({@link ClockTranscripts}) for the Pakistan 5G 2026 clock stage (3 rounds) and
 * the AJK &amp; GB 2021 clock stage after its sealed stage (18 rounds), their rounds produced by plain
 * {@link ClockStage} with a chosen processor: the fast one (the transcript must verify), or a fast one made wrong in
 * one round (the verifier must name that round). Every bundle is signed with the test key, so signatures and hashes
 * all verify: only the recomputation can tell. (The wrong processor is a decorator, not FastClockProcessor itself, so
 * these tests show that the verifier names the round; that it does not recompute with the fast processor at all is
 * ArchitectureTest's rule.)
 */
class ClockRecomputationTest {

    private static final String PK_5G = "pk-5g-2026";
    private static final String AJK_GB = "ajkgb-ngms-2021";

    /** The service's processor, made wrong in one round by {@code perturbation}; right in every other. */
    private record WrongInRound(int round, UnaryOperator<ClockProcessor.Result> perturbation)
            implements ClockProcessor {

        @Override
        public Result process(Input input) {
            Result right = new FastClockProcessor().process(input);
            return input.round() == round ? perturbation.apply(right) : right;
        }
    }

    /** Pakistan 5G 2026: its clock stage is the first stage, open as bidding opens. */
    private static SealedTranscripts pk5g() {
        return SealedTranscripts.qualified(PK_5G, TestTranscripts.SEED).biddingOpens();
    }

    /** AJK &amp; GB 2021: the sealed stage closes and escalates product 1 to the clock stage. */
    private static SealedTranscripts ajkGbAfterTheSealedStage() {
        SealedTranscripts t = SealedTranscripts.qualified(AJK_GB, TestTranscripts.SEED).biddingOpens();
        SealedBids.load(Path.of("scenarios", AJK_GB)).offers("sealed")
                .forEach(o -> t.submit("sealed", o.bidder(), o.demand()));
        return t.close("sealed");
    }

    private static Verification verify(SealedTranscripts t) {
        return BundleVerifier.verify(t.concluded().bundle(), Optional.of(SealedTranscripts.KEYS), List.of());
    }

    /** The ROUND_RESULT payload of round {@code round}, and its seq (records are numbered from 1 in order). */
    private static long roundResultSeq(SealedTranscripts t, int round) {
        for (int i = 0; i < t.payloads().size(); i++) {
            TestTranscripts.Payload p = t.payloads().get(i);
            if (p.type().equals("ROUND_RESULT") && p.body().path("round").intValue() == round) {
                return i + 1;
            }
        }
        throw new AssertionError("no ROUND_RESULT for round " + round);
    }

    /** {@code result} with one block less for {@code bidder} on {@code product}. */
    private static ClockProcessor.Result oneBlockLess(ClockProcessor.Result result, String bidder, String product) {
        Map<String, Map<String, Integer>> demand = new TreeMap<>();
        result.demand().forEach((b, d) -> demand.put(b, new TreeMap<>(d)));
        demand.get(bidder).merge(product, -1, Integer::sum);
        return new ClockProcessor.Result(demand, result.postedPrices(), result.bids());
    }

    /** {@code result} posting {@code price} for {@code product}. */
    private static ClockProcessor.Result posting(ClockProcessor.Result result, String product, long price) {
        Map<String, Long> posted = new HashMap<>(result.postedPrices());
        posted.put(product, price);
        return new ClockProcessor.Result(result.demand(), posted, result.bids());
    }

    // --- the service's processor: the reference recomputes every round byte for byte

    @Test
    void pakistan5gWrittenByTheFastProcessorIsRecomputedByTheReferenceOneByteForByte() {
        SealedTranscripts t = pk5g();
        ClockStage stage = ClockTranscripts.run(t, PK_5G, new FastClockProcessor());

        Verification v = verify(t);

        assertThat(v.failures()).as(v.findings().toString()).isEmpty();
        assertThat(stage.ended()).isTrue();
        assertThat(stage.rounds()).hasSize(3); // the published length of the 2026 clock stage
        assertThat(v.summary().recomputation().clockRounds()).isEqualTo(3);
        assertThat(v.summary().recomputation().clockRoundsMatching()).isEqualTo(3);
        assertThat(v.findings()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo(Check.RECOMPUTE_METHOD);
            assertThat(f.severity()).isEqualTo(Finding.Severity.INFO);
            assertThat(f.detail()).contains("clock stage allocation: 3 round(s) recomputed with the reference bid "
                    + "processor (ReferenceClockProcessor");
        });
    }

    @Test
    void ajkGbWrittenByTheFastProcessorIsRecomputedByTheReferenceOneByteForByte() {
        SealedTranscripts t = ajkGbAfterTheSealedStage();
        ClockStage stage = ClockTranscripts.run(t, AJK_GB, new FastClockProcessor());

        Verification v = verify(t);

        assertThat(v.failures()).as(v.findings().toString()).isEmpty();
        assertThat(stage.rounds()).hasSize(18); // the published length of the 2021 clock stage
        assertThat(v.summary().recomputation()).isEqualTo(new Verification.Recomputation(true, 1, 1, 0, 18, 18, 0));
    }

    @Test
    void bothProcessorsGiveTheSameBytesForEveryRoundOfBothStages() {
        for (String dir : List.of(PK_5G, AJK_GB)) {
            SealedTranscripts fast = dir.equals(PK_5G) ? pk5g() : ajkGbAfterTheSealedStage();
            SealedTranscripts reference = dir.equals(PK_5G) ? pk5g() : ajkGbAfterTheSealedStage();
            List<ClockRound> a = ClockTranscripts.run(fast, dir, new FastClockProcessor()).rounds();
            List<ClockRound> b = ClockTranscripts.run(reference, dir, new ReferenceClockProcessor()).rounds();

            assertThat(b).hasSameSizeAs(a);
            for (int i = 0; i < a.size(); i++) {
                assertThat(ClockRoundJson.canonical(b.get(i))).as(dir + " round " + (i + 1))
                        .isEqualTo(ClockRoundJson.canonical(a.get(i)));
            }
        }
    }

    // --- a wrong fast processor: the verifier names the round it got wrong

    @Test
    void aFastProcessorThatPostsTheClockPriceInsteadOfTheClearingDecreaseIsCaughtAtThatRound() {
        // round 3 of 2026: Jazz's intra-round decrease clears 2600, so the posted price is that bid's price
        ClockRound right = ClockTranscripts.run(pk5g(), PK_5G, new FastClockProcessor()).rounds().get(2);
        long clearing = right.product("2600").postedPrice();
        long clock = right.product("2600").clockPrice();
        assertThat(clearing).isLessThan(clock);
        SealedTranscripts t = pk5g();
        ClockTranscripts.run(t, PK_5G, new WrongInRound(3, r -> posting(r, "2600", clock)));

        Verification v = verify(t);

        Finding first = v.firstFailure().orElseThrow();
        assertThat(first.check()).isEqualTo(Check.CLOCK_ROUND_RESULT);
        assertThat(first.seq().getAsLong()).isEqualTo(roundResultSeq(t, 3));
        assertThat(first.detail()).contains("round 3 of clock stage allocation recomputed from its bids differs")
                .containsPattern("products\\[\\d+: 2600\\]\\.postedPrice: recorded " + clock + ", recomputed "
                        + clearing);
        assertThat(v.summary().recomputation().clockRounds()).isEqualTo(3);
        assertThat(v.summary().recomputation().clockRoundsMatching()).isEqualTo(2);
        // the stage result and outcome follow from the wrong round: not compared, said so, no second failure
        assertThat(v.failures().stream().map(Finding::check).distinct()).containsExactly(Check.CLOCK_ROUND_RESULT);
    }

    @Test
    void aFastProcessorThatLosesABlockOfProcessedDemandIsCaughtAtThatRoundOfEighteen() {
        int wrong = 7;
        SealedTranscripts t = ajkGbAfterTheSealedStage();
        ClockStage produced = ClockTranscripts.run(t, AJK_GB, new WrongInRound(wrong, r -> oneBlockLess(r, "zong",
                "P1")));
        int recordedDemand = produced.rounds().get(wrong - 1).bidder("zong").orElseThrow().processedDemand()
                .get("P1");

        Verification v = verify(t);

        Finding first = v.firstFailure().orElseThrow();
        assertThat(first.check()).isEqualTo(Check.CLOCK_ROUND_RESULT);
        assertThat(first.seq().getAsLong()).isEqualTo(roundResultSeq(t, wrong));
        assertThat(first.detail()).contains("round " + wrong + " of clock stage clock recomputed from its bids differs")
                .containsPattern("bidders\\[\\d+: zong\\]\\.processedDemand\\.P1: recorded " + recordedDemand
                        + ", recomputed " + (recordedDemand + 1));
        assertThat(v.summary().recomputation().clockRounds()).isEqualTo(wrong);
        assertThat(v.summary().recomputation().clockRoundsMatching()).isEqualTo(wrong - 1);
    }
}
