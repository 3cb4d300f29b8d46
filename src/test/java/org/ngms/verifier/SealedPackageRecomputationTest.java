package org.ngms.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ngms.audit.TestTranscripts;
import org.ngms.auction.app.SealedTranscripts;
import org.ngms.auction.sealed.PackageBid;
import org.ngms.optimiser.Bid;
import org.ngms.optimiser.Bidder;
import org.ngms.optimiser.Category;
import org.ngms.optimiser.Instance;
import org.ngms.shared.Money;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A sealed package round (XOR package bids, VCG prices) on the AJK &amp; GB lots, written as the service writes it
 * (SealedTranscripts), is recomputed with CP-SAT and, being small, solved again by brute force: an exact solve
 * independent of CP-SAT, whose optimum, winners and prices the recorded result must have. Then winners that are not
 * optimal, or a certificate that claims too much, are recorded and re-signed: the brute-force check names the round.
 */
class SealedPackageRecomputationTest {

    private static final String STAGE = "packages";
    /** Jazz: both blocks of P1, or one; Zong: one. */
    private static final List<PackageBid> JAZZ = List.of(
            new PackageBid("both", Map.of("P1", 2), Money.of(10_000_000)),
            new PackageBid("one", Map.of("P1", 1), Money.of(6_000_000)));
    private static final List<PackageBid> ZONG = List.of(new PackageBid("one", Map.of("P1", 1), Money.of(5_500_000)));

    @TempDir
    Path dir;

    /** The AJK &amp; GB scenario with one sealed package round priced by VCG instead of sealed demand and a clock. */
    private Path packageScenario() throws IOException {
        Path scenario = dir.resolve("ajkgb-packages");
        Files.createDirectories(scenario);
        Files.copy(Path.of("scenarios", "ajkgb-ngms-2021", "bidders.yaml"), scenario.resolve("bidders.yaml"));
        // the published outcome counts the rounds of a clock stage this variant does not have
        Files.writeString(scenario.resolve("outcome.yaml"), Files.readString(Path.of("scenarios", "ajkgb-ngms-2021",
                "outcome.yaml")).replaceFirst("(?m)^rounds: .*$", ""));
        String yaml = Files.readString(Path.of("scenarios", "ajkgb-ngms-2021", "directive.yaml"));
        int start = yaml.indexOf("\nstages:");
        int end = yaml.indexOf("\npayment:");
        Files.writeString(scenario.resolve("directive.yaml"), yaml.substring(0, start) + "\nstages:\n  - id: "
                + STAGE + "\n    type: SEALED_PACKAGE\n    pricing: VCG\n    maxPackagesPerBidder: 3\n"
                + yaml.substring(end));
        return scenario;
    }

    /** Qualified, bidding open, Jazz's and Zong's packages submitted, the round closed and evaluated. */
    private SealedTranscripts closed() throws IOException {
        SealedTranscripts t = SealedTranscripts.qualified(packageScenario(), TestTranscripts.SEED).biddingOpens();
        t.submitPackages(STAGE, "jazz", JAZZ).submitPackages(STAGE, "zong", ZONG);
        return t.close(STAGE);
    }

    private static Verification verify(SealedTranscripts t) {
        return BundleVerifier.verify(t.concluded().bundle(), Optional.of(SealedTranscripts.KEYS), List.of());
    }

    private static long seqOf(SealedTranscripts t, String type) {
        for (int i = 0; i < t.payloads().size(); i++) {
            if (t.payloads().get(i).type().equals(type)) {
                return i + 1;
            }
        }
        throw new AssertionError("no " + type);
    }

    /** An amount over the reserve of its blocks of P1: the objective of a VCG round. */
    private static long surplus(SealedTranscripts t, PackageBid bid) {
        long reserve = t.directive().lotCategory("P1").orElseThrow().reservePerBlock().amount();
        return bid.amount().amount() - reserve * bid.lots().get("P1");
    }

    private static List<Finding> of(Verification v, Check check) {
        return v.findings().stream().filter(f -> f.check() == check).toList();
    }

    @Test
    void aCleanPackageRoundIsConfirmedByCpSatAndByBruteForceAndTheOutputSaysSo() throws IOException {
        SealedTranscripts t = closed();
        ObjectNode result = (ObjectNode) t.last("STAGE_RESULT").get("result");

        Verification v = verify(t);

        assertThat(v.ok()).as(v.findings().toString()).isTrue();
        assertThat(v.summary().recomputation()).isEqualTo(new Verification.Recomputation(true, 1, 1, 0));
        long choices = (JAZZ.size() + 1L) * (ZONG.size() + 1L);
        long optimum = surplus(t, JAZZ.get(1)) + surplus(t, ZONG.get(0)); // one block each beats both to Jazz
        assertThat(optimum).isGreaterThan(surplus(t, JAZZ.get(0)));
        assertThat(result.path("certificate").path("value").longValue()).isEqualTo(optimum);
        assertThat(of(v, Check.RECOMPUTE_METHOD)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Finding.Severity.INFO);
            assertThat(f.seq().getAsLong()).isEqualTo(seqOf(t, "STAGE_RESULT"));
            assertThat(f.detail()).contains("package round " + STAGE + ": winner determination recomputed with "
                            + "CP-SAT (CertifiedSolver, 120 s) and solved again by brute force (BruteForceSolver, "
                            + choices + " choices): optimum " + optimum + " with winners {jazz=one, zong=one}, "
                            + "revenue " + result.path("revenue").longValue())
                    .endsWith("the recorded result agrees");
        });
    }

    @Test
    void recordedWinnersThatAreNotOptimalAreCaughtByTheBruteForceSolveAndNamed() throws IOException {
        SealedTranscripts t = closed();
        ObjectNode result = (ObjectNode) t.last("STAGE_RESULT").get("result");
        // Jazz wins both blocks alone, priced at reserve, and the certificate is made to agree with that allocation
        long reserve = t.directive().lotCategory("P1").orElseThrow().reservePerBlock().amount();
        long worth = surplus(t, JAZZ.get(0));
        long optimum = result.path("certificate").path("value").longValue();
        ArrayNode winners = result.putArray("winners");
        ObjectNode jazz = winners.addObject().put("bidder", "jazz").put("package", "both")
                .put("amount", JAZZ.get(0).amount().amount()).put("price", 2 * reserve);
        jazz.putObject("lots").put("P1", 2);
        jazz.putArray("lotIds");
        result.putObject("unsold");
        result.put("revenue", 2 * reserve);
        ((ObjectNode) result.get("certificate")).put("value", worth).put("upperBound", worth);

        Verification v = verify(t);

        assertThat(of(v, Check.PACKAGE_BRUTE_FORCE)).singleElement().satisfies(f -> {
            assertThat(f.isFailure()).isTrue();
            assertThat(f.seq().getAsLong()).isEqualTo(seqOf(t, "STAGE_RESULT"));
            assertThat(f.detail()).startsWith("package round " + STAGE + ", solved again by brute force: ")
                    .contains("the certificate claims " + worth + " proven optimal, but the optimum is " + optimum)
                    .contains("the recorded winners {jazz=both} are not optimal: they are worth " + worth
                            + ", the winners {jazz=one, zong=one} are worth " + optimum);
        });
        assertThat(of(v, Check.RECOMPUTE_METHOD)).singleElement().satisfies(f -> assertThat(f.detail())
                .endsWith("the recorded result disagrees (PACKAGE_BRUTE_FORCE)"));
        // the CP-SAT recomputation disagrees with the record too: two independent exact solves, one finding each
        assertThat(v.failures()).anyMatch(f -> f.check() == Check.RECOMPUTED_RESULT);
    }

    @Test
    void aCertificateClaimingMoreThanTheOptimumIsCaught() throws IOException {
        SealedTranscripts t = closed();
        ObjectNode certificate = (ObjectNode) t.last("STAGE_RESULT").get("result").get("certificate");
        long optimum = certificate.path("value").longValue();
        certificate.put("value", optimum + 1).put("upperBound", optimum + 1);

        Verification v = verify(t);

        assertThat(of(v, Check.PACKAGE_BRUTE_FORCE)).singleElement().satisfies(f -> assertThat(f.detail())
                .contains("the certificate's value " + (optimum + 1) + " exceeds the optimum " + optimum)
                .contains("the recorded winners are worth " + optimum + ", not the certificate's value "
                        + (optimum + 1)));
    }

    @Test
    void aRecordedPriceThatIsNotTheVcgPriceIsCaught() throws IOException {
        SealedTranscripts t = closed();
        ObjectNode winner = (ObjectNode) t.last("STAGE_RESULT").get("result").get("winners").get(0);
        long price = winner.path("price").longValue();
        winner.put("price", price + 1_000);

        Verification v = verify(t);

        assertThat(of(v, Check.PACKAGE_BRUTE_FORCE)).singleElement().satisfies(f -> assertThat(f.detail())
                .contains(winner.path("bidder").asString() + "'s price: recorded " + (price + 1_000)
                        + ", priced from the brute-force solves " + price));
    }

    // --- the bound

    /** {@code bidders} bidders with one single-block bid each. */
    private static Instance oneBidEach(int bidders) {
        List<Bidder> list = new ArrayList<>();
        for (int i = 0; i < bidders; i++) {
            list.add(new Bidder("b" + i, List.of(), List.of(new Bid("b" + i + ".x", Map.of("A", 1L), 10 + i))));
        }
        return new Instance("bound", "USD", List.of(new Category("A", bidders, 1)), List.of(), list);
    }

    @Test
    void twentyBidsAreWithinTheBruteForceBoundAndTwentyOneAreNot() {
        assertThat(PackageSecondSolve.choices(oneBidEach(20))).isEqualTo(1L << 20)
                .isLessThanOrEqualTo(PackageSecondSolve.MAX_CHOICES);
        assertThat(PackageSecondSolve.choices(oneBidEach(21))).isGreaterThan(PackageSecondSolve.MAX_CHOICES);
        assertThat(PackageSecondSolve.choices(oneBidEach(100))).isEqualTo(Long.MAX_VALUE);
    }
}
