package org.ngms.auction.sealed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngms.auction.sealed.SealedFixtures.SEED;
import static org.ngms.auction.sealed.SealedFixtures.bidder;
import static org.ngms.auction.sealed.SealedFixtures.directive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.ngms.auction.Bidder;
import org.ngms.auction.ReasonCode;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Stage;
import org.ngms.optimiser.Allocation;
import org.ngms.optimiser.BruteForceSolver;
import org.ngms.optimiser.TieBreak;
import org.ngms.optimiser.wdp.WdpReader;
import org.ngms.shared.Mhz;
import org.ngms.shared.Money;
import org.ngms.support.Scenarios;

class SealedPackageRoundTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    /** AJK & GB 2021 lots with one sealed package round priced by {@code pricing}, and a 1800 cap of 10 MHz. */
    private static PolicyDirective ajkWithPackages(String pricing, boolean cap) {
        return directive(Scenarios.directiveYaml("ajkgb-ngms-2021")
                .replaceAll("(?s)stages:.*?payment:", (cap ? """
                        spectrumCaps:
                          - { id: "1800", bands: ["1800"], limitMhz: "10", includesExistingHoldings: true }
                        """ : "") + """
                        stages:
                          - id: packages
                            type: SEALED_PACKAGE
                            pricing: %s
                            maxPackagesPerBidder: 4
                        payment:""".formatted(pricing)));
    }

    private static Stage.SealedPackage stage(PolicyDirective d) {
        return (Stage.SealedPackage) d.stages().get(0);
    }

    private static PackageBid bid(String id, Map<String, Integer> lots, long amount) {
        return new PackageBid(id, lots, Money.of(amount));
    }

    private static Bidder rich(String id) {
        return bidder(id, false, Map.of(), 100_000_000, 10_000);
    }

    @Test
    void payAsBidWinnersPayTheirAmountsAndTheRestIsUnsold() {
        PolicyDirective d = ajkWithPackages("PAY_AS_BID", false);
        PackageOutcome o = SealedPackageRound.evaluate(d, stage(d), List.of(rich("jazz"), rich("zong")), List.of(
                new PackageOffer("jazz", List.of(bid("both", Map.of("P1", 2), 10_000_000),
                        bid("one", Map.of("P1", 1), 6_000_000))),
                new PackageOffer("zong", List.of(bid("one", Map.of("P1", 1, "P3-B2", 1), 9_500_000)))), SEED, LIMIT);
        assertThat(o.status()).isEqualTo(PackageOutcome.Status.PRICED);
        assertThat(o.certificate().provenOptimal()).isTrue();
        assertThat(o.certificate().value()).isEqualTo(15_500_000);
        assertThat(o.winnerOf("jazz").orElseThrow().packageId()).isEqualTo("one");
        assertThat(o.winnerOf("zong").orElseThrow().lotIds()).containsExactly("P3-B2");
        assertThat(o.winnerOf("zong").orElseThrow().price()).contains(Money.of(9_500_000));
        assertThat(o.revenue()).contains(Money.of(15_500_000));
        assertThat(o.unsold()).isEqualTo(Map.of("P2", 5, "P3", 5));
        assertThat(o.unsoldLots()).containsExactly("P3-B1", "P3-B3", "P3-B4", "P3-B5", "P3-B6");
    }

    @Test
    void vcgGivesTheThreeBidderWorkedExampleItsSecondPrices() {
        // reserve 4.35 m per specific 2100 block; bidders 1 and 2 bid 2 surplus units on one block each, bidder 3 bids 3 on both:
        // VCG = reserve + 1 each (docs/formats/sealed.md, amounts in millions over reserve)
        PolicyDirective d = ajkWithPackages("VCG", false);
        long r = 4_350_000;
        PackageOutcome o = SealedPackageRound.evaluate(d, stage(d), List.of(rich("b1"), rich("b2"), rich("b3")),
                List.of(new PackageOffer("b1", List.of(bid("x", Map.of("P3-B1", 1), r + 2_000_000))),
                        new PackageOffer("b2", List.of(bid("x", Map.of("P3-B2", 1), r + 2_000_000))),
                        new PackageOffer("b3", List.of(bid("x", Map.of("P3-B1", 1, "P3-B2", 1), 2 * r + 3_000_000)))),
                SEED, LIMIT);
        assertThat(o.status()).isEqualTo(PackageOutcome.Status.PRICED);
        assertThat(o.certificate().objective()).isEqualTo(PackageOutcome.Objective.AMOUNTS_OVER_RESERVE);
        assertThat(o.winnerOf("b1").orElseThrow().price()).contains(Money.of(r + 1_000_000));
        assertThat(o.winnerOf("b2").orElseThrow().price()).contains(Money.of(r + 1_000_000));
        assertThat(o.winnerOf("b3")).isEmpty();
    }

    @Test
    void coreNearestVcgGivesTheWorkedExampleOneAndAHalfEachRoundedUp() {
        PolicyDirective d = ajkWithPackages("CORE_NEAREST_VCG", false);
        long r = 4_350_000;
        PackageOutcome o = SealedPackageRound.evaluate(d, stage(d), List.of(rich("b1"), rich("b2"), rich("b3")),
                List.of(new PackageOffer("b1", List.of(bid("x", Map.of("P3-B1", 1), r + 2_000_000))),
                        new PackageOffer("b2", List.of(bid("x", Map.of("P3-B2", 1), r + 2_000_000))),
                        new PackageOffer("b3", List.of(bid("x", Map.of("P3-B1", 1, "P3-B2", 1), 2 * r + 3_000_000)))),
                SEED, LIMIT);
        assertThat(o.winnerOf("b1").orElseThrow().price()).contains(Money.of(r + 1_500_000));
        assertThat(o.winnerOf("b2").orElseThrow().price()).contains(Money.of(r + 1_500_000));
    }

    @Test
    void awardAtReserveChargesEachWinnerItsPackagesReserveValue() {
        PolicyDirective d = ajkWithPackages("RESERVE", false);
        PackageOutcome o = SealedPackageRound.evaluate(d, stage(d), List.of(rich("telenor")), List.of(
                new PackageOffer("telenor", List.of(bid("a", Map.of("P2", 1, "P3-B1", 1, "P3-B2", 1), 12_000_000)))),
                SEED, LIMIT);
        assertThat(o.revenue()).contains(Money.of(1_044_000 + 2 * 4_350_000));
    }

    @Test
    void theHoldingsCapBindsABidderThroughItsHeadroom() {
        PolicyDirective d = ajkWithPackages("PAY_AS_BID", true);
        Bidder holder = bidder("zong", false, Map.of("1800", Mhz.parse("4")), 100_000_000, 10_000);
        PackageOutcome o = SealedPackageRound.evaluate(d, stage(d), List.of(holder), List.of(
                new PackageOffer("zong", List.of(bid("a", Map.of("P1", 1), 5_000_000)))), SEED, LIMIT);
        assertThat(o.instance().bidders().get(0).caps()).singleElement()
                .satisfies(c -> assertThat(c.max()).isEqualTo(6_000));
        assertThat(o.instance().caps()).singleElement().satisfies(c -> {
            assertThat(c.max()).isEqualTo(10_000);
            assertThat(c.weightOf("P1")).isEqualTo(5_000);
            assertThat(c.weightOf("P2")).isEqualTo(1_200);
        });
    }

    @Test
    void anInvalidPackageOfferIsDroppedAndItsBidderListedWithTheRule() {
        PolicyDirective d = ajkWithPackages("PAY_AS_BID", false);
        PackageOutcome o = SealedPackageRound.evaluate(d, stage(d), List.of(rich("jazz"), rich("zong")), List.of(
                new PackageOffer("jazz", List.of(bid("low", Map.of("P1", 2), 1_000_000))),
                new PackageOffer("zong", List.of(bid("ok", Map.of("P1", 1), 4_350_000)))), SEED, LIMIT);
        assertThat(o.exclusions()).singleElement().satisfies(e -> {
            assertThat(e.bidder()).isEqualTo("jazz");
            assertThat(e.reason()).isEqualTo(ReasonCode.BELOW_PACKAGE_RESERVE);
        });
        assertThat(o.winners()).extracting(PackageOutcome.PackageWin::bidder).containsExactly("zong");
    }

    @Test
    void theExportedWdpInstanceReadsBackAndBruteForceFindsTheSameWinners() {
        PolicyDirective d = ajkWithPackages("PAY_AS_BID", true);
        Random random = new Random(7);
        for (int round = 0; round < 30; round++) {
            List<Bidder> bidders = new ArrayList<>();
            List<PackageOffer> offers = new ArrayList<>();
            for (int b = 0; b < 4; b++) {
                String id = "b" + b;
                bidders.add(bidder(id, false, Map.of("1800", Mhz.parse(String.valueOf(random.nextInt(4)))),
                        100_000_000, 10_000));
                List<PackageBid> bids = new ArrayList<>();
                for (int k = 0; k < 1 + random.nextInt(3); k++) {
                    int p1 = random.nextInt(2);
                    int p2 = random.nextInt(3);
                    int b3 = p1 + p2 == 0 ? 1 : random.nextInt(2);
                    long reserve = p1 * 4_350_000L + p2 * 1_044_000L + b3 * 4_350_000L;
                    bids.add(bid("k" + k, Map.of("P1", p1, "P2", p2, "P3-B" + (1 + random.nextInt(3)), b3),
                            reserve + random.nextInt(3) * 500_000L));
                }
                offers.add(new PackageOffer(id, bids));
            }
            PackageOutcome o = SealedPackageRound.evaluate(d, stage(d), bidders, offers, SEED, LIMIT);
            WdpReader.Result read = WdpReader.read(o.wdpInstanceJson());
            assertThat(read).isInstanceOf(WdpReader.Read.class);
            assertThat(((WdpReader.Read) read).instance()).isEqualTo(o.instance());
            if (o.exclusions().isEmpty()) {
                Allocation brute = new BruteForceSolver().solve(o.instance(), new TieBreak(SEED), LIMIT);
                assertThat(o.certificate().value()).isEqualTo(brute.value());
                assertThat(o.winners()).extracting(w -> w.bidder() + "." + w.packageId())
                        .containsExactlyInAnyOrderElementsOf(brute.winners().stream().map(w -> w.bid()).toList());
            }
        }
    }

    @Test
    void theSameBidsAndSeedGiveAnEqualOutcome() {
        PolicyDirective d = ajkWithPackages("VCG", false);
        List<PackageOffer> offers = List.of(
                new PackageOffer("jazz", List.of(bid("a", Map.of("P1", 1), 5_000_000))),
                new PackageOffer("zong", List.of(bid("a", Map.of("P1", 1), 5_000_000))),
                new PackageOffer("ufone", List.of(bid("a", Map.of("P1", 1), 5_000_000))));
        List<Bidder> bidders = List.of(rich("jazz"), rich("zong"), rich("ufone"));
        PackageOutcome first = SealedPackageRound.evaluate(d, stage(d), bidders, offers, SEED, LIMIT);
        PackageOutcome second = SealedPackageRound.evaluate(d, stage(d), bidders, offers, SEED.clone(), LIMIT);
        assertThat(second.winners()).isEqualTo(first.winners());
        assertThat(second.revenue()).isEqualTo(first.revenue());
        assertThat(second.wdpInstanceJson()).isEqualTo(first.wdpInstanceJson());
    }
}
