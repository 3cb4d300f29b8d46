package org.ngms.auction.sealed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngms.auction.sealed.SealedFixtures.bidder;
import static org.ngms.auction.sealed.SealedFixtures.directive;
import static org.ngms.auction.sealed.SealedFixtures.directiveOf;
import static org.ngms.auction.sealed.SealedFixtures.sealedStage;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ngms.auction.Bidder;
import org.ngms.auction.Decision;
import org.ngms.auction.ReasonCode;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Stage;
import org.ngms.shared.Mhz;
import org.ngms.shared.Money;
import org.ngms.support.Scenarios;

class SealedRulesTest {

    static final PolicyDirective PK2021 = directiveOf("pk-ngms-2021");
    static final PolicyDirective AJKGB = directiveOf("ajkgb-ngms-2021");
    static final PolicyDirective PK2014 = directiveOf("pk-3g4g-2014");

    /** AJK & GB 2021 with one sealed package round (pay-as-bid, at most 3 packages) instead of its two stages. */
    static final PolicyDirective AJKGB_PACKAGES = directive(Scenarios.directiveYaml("ajkgb-ngms-2021")
            .replaceAll("(?s)stages:.*?payment:", """
                    stages:
                      - id: packages
                        type: SEALED_PACKAGE
                        pricing: PAY_AS_BID
                        maxPackagesPerBidder: 3
                    payment:"""));

    static final Bidder UFONE = bidder("ufone", false, Map.of("1800", Mhz.parse("6")), 55_800_000, 1000);
    static final Bidder TELENOR = bidder("telenor", false, Map.of(), 10_000_000, 1000);

    static final DemandOffer UFONE_9MHZ = new DemandOffer("ufone", Map.of("1800-A", 1, "1800-B", 20));

    private static ReasonCode reason(Decision<?> decision) {
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected<?>) decision).reason();
    }

    private static Decision<DemandOffer> pk2021(Bidder b, Map<String, Integer> demand) {
        return SealedRules.checkOffer(PK2021, sealedStage(PK2021), b, new DemandOffer(b.id(), demand));
    }

    private static Decision<DemandOffer> ajk(Bidder b, Map<String, Integer> demand) {
        return SealedRules.checkOffer(AJKGB, sealedStage(AJKGB), b, new DemandOffer(b.id(), demand));
    }

    private static Decision<PackageOffer> packages(Bidder b, PackageBid... bids) {
        return SealedRules.checkPackages(AJKGB_PACKAGES, (Stage.SealedPackage) AJKGB_PACKAGES.stages().get(0), b,
                new PackageOffer(b.id(), List.of(bids)));
    }

    private static PackageBid bid(String id, Map<String, Integer> lots, long amount) {
        return new PackageBid(id, lots, Money.of(amount));
    }

    @Test
    void acceptsUfonesPreBidOfferOf9MhzIn1800WithA20PercentDeposit() {
        assertThat(SealedRules.checkOffer(PK2021, sealedStage(PK2021), UFONE, UFONE_9MHZ))
                .isEqualTo(Decision.allowed(UFONE_9MHZ));
    }

    @Test
    void acceptsAnEmptyOfferAsNoDemand() {
        assertThat(pk2021(UFONE, Map.of())).isInstanceOf(Decision.Allowed.class);
        assertThat(pk2021(UFONE, Map.of("1800-A", 0, "2100", 0))).isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void rejectsAnOfferFromABidderThatIsNotQualified() {
        Bidder registered = Bidder.registered("ufone", "PTML", false, Map.of(), Money.of(55_800_000), Map.of(),
                SealedFixtures.NOW);
        assertThat(reason(SealedRules.checkOffer(PK2021, sealedStage(PK2021), registered, UFONE_9MHZ)))
                .isEqualTo(ReasonCode.NOT_QUALIFIED);
    }

    @Test
    void rejectsAnOfferThatNamesAnotherBidder() {
        assertThat(reason(SealedRules.checkOffer(PK2021, sealedStage(PK2021), TELENOR, UFONE_9MHZ)))
                .isEqualTo(ReasonCode.OFFER_OF_ANOTHER_BIDDER);
    }

    @Test
    void rejectsDemandForACategoryTheDirectiveDoesNotOffer() {
        assertThat(reason(pk2021(UFONE, Map.of("900", 1)))).isEqualTo(ReasonCode.UNKNOWN_CATEGORY);
    }

    @Test
    void rejectsDemandForACategoryOutsideTheStagesScope() {
        PolicyDirective onlyP2 = directive(Scenarios.directiveYaml("ajkgb-ngms-2021")
                .replace("type: SEALED_DEMAND_AT_RESERVE", "type: SEALED_DEMAND_AT_RESERVE\n    categories: [P2]"));
        assertThat(reason(SealedRules.checkOffer(onlyP2, sealedStage(onlyP2), TELENOR,
                new DemandOffer("telenor", Map.of("P3", 1))))).isEqualTo(ReasonCode.CATEGORY_NOT_IN_STAGE);
    }

    @Test
    void rejectsANegativeQuantity() {
        assertThat(reason(ajk(TELENOR, Map.of("P2", -1)))).isEqualTo(ReasonCode.NEGATIVE_QUANTITY);
    }

    @Test
    void rejectsDemandAboveTheSupply() {
        assertThat(reason(pk2021(UFONE, Map.of("1800-B", 40)))).isEqualTo(ReasonCode.DEMAND_EXCEEDS_SUPPLY);
    }

    @Test
    void rejectsDemandAboveTheMaximumPerBidder() {
        PolicyDirective maxOne = directive(Scenarios.directiveYaml("ajkgb-ngms-2021")
                .replace("maxBlocksPerBidder: 5", "maxBlocksPerBidder: 1"));
        assertThat(reason(SealedRules.checkOffer(maxOne, sealedStage(maxOne), TELENOR,
                new DemandOffer("telenor", Map.of("P2", 2))))).isEqualTo(ReasonCode.ABOVE_MAX_BLOCKS);
    }

    @Test
    void rejectsPositiveDemandBelowTheMinimumPerBidderButAcceptsZero() {
        PolicyDirective minTwo = directive(Scenarios.directiveYaml("ajkgb-ngms-2021")
                .replace("minBlocksPerBidder: 1", "minBlocksPerBidder: 2"));
        Stage.SealedDemandAtReserve stage = sealedStage(minTwo);
        assertThat(reason(SealedRules.checkOffer(minTwo, stage, TELENOR, new DemandOffer("telenor", Map.of("P3", 1)))))
                .isEqualTo(ReasonCode.BELOW_MIN_BLOCKS);
        assertThat(SealedRules.checkOffer(minTwo, stage, TELENOR, new DemandOffer("telenor", Map.of("P3", 0))))
                .isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void rejectsAnIncumbentsDemandForTheNewEntrantOnly850Block() {
        Bidder zong = bidder("zong", false, Map.of(), 100_000_000, 2000);
        assertThat(reason(SealedRules.checkOffer(PK2014, sealedStage(PK2014), zong,
                new DemandOffer("zong", Map.of("850", 1))))).isEqualTo(ReasonCode.NEW_ENTRANTS_ONLY);
        Bidder entrant = bidder("entrant", true, Map.of(), 100_000_000, 2000);
        assertThat(SealedRules.checkOffer(PK2014, sealedStage(PK2014), entrant,
                new DemandOffer("entrant", Map.of("850", 1)))).isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void rejectsDemandForACategoryTheBidderIsExcludedFrom() {
        PolicyDirective excluded = directive(Scenarios.directiveYaml("pk-3g4g-2014")
                .replace("eligibilityConditions:\n", """
                        eligibilityConditions:
                          - id: no-2100-5-for-entrants
                            type: EXCLUDED_FROM_CATEGORIES
                            appliesTo: NEW_ENTRANTS
                            categories: ["2100-5"]
                        """));
        Bidder entrant = bidder("entrant", true, Map.of(), 100_000_000, 2000);
        assertThat(reason(SealedRules.checkOffer(excluded, sealedStage(excluded), entrant,
                new DemandOffer("entrant", Map.of("2100-5", 1))))).isEqualTo(ReasonCode.EXCLUDED_CATEGORY);
    }

    @Test
    void rejectsDemandThatBreaksThe1800CapCountingExistingHoldings() {
        // Jazz holds 15 MHz in 1800 (assumed); 5 + 39 x 0.2 = 12.8 more would make 27.8 <= 30, but with 18 MHz held
        // it makes 30.8 > 30
        Bidder jazz = bidder("jazz", false, Map.of("1800", Mhz.parse("18")), 100_000_000, 1000);
        assertThat(reason(pk2021(jazz, Map.of("1800-A", 1, "1800-B", 39)))).isEqualTo(ReasonCode.SPECTRUM_CAP);
        Bidder lighter = bidder("jazz", false, Map.of("1800", Mhz.parse("15")), 100_000_000, 1000);
        assertThat(pk2021(lighter, Map.of("1800-A", 1, "1800-B", 39))).isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void rejectsDemandAboveTheBiddersEligibilityPoints() {
        Bidder few = bidder("ufone", false, Map.of("1800", Mhz.parse("6")), 55_800_000, 270);
        // 155 + 20 x 6 = 275 points
        assertThat(reason(SealedRules.checkOffer(PK2021, sealedStage(PK2021), few, UFONE_9MHZ)))
                .isEqualTo(ReasonCode.ELIGIBILITY_EXCEEDED);
    }

    @Test
    void rejectsA1800OfferIn2014WithoutAtLeast2x10In2100InTheSameOffer() {
        Bidder ufone = bidder("ufone", false, Map.of(), 200_000_000, 2000);
        Stage.SealedDemandAtReserve stage = sealedStage(PK2014);
        assertThat(reason(SealedRules.checkOffer(PK2014, stage, ufone,
                new DemandOffer("ufone", Map.of("1800", 1, "2100-5", 1))))).isEqualTo(ReasonCode.CROSS_BAND_CONDITION);
        assertThat(SealedRules.checkOffer(PK2014, stage, ufone,
                new DemandOffer("ufone", Map.of("1800", 1, "2100-10", 1)))).isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void rejectsADepositBelowTwentyPercentOfTheBidValueAtReserve() {
        Bidder shortDeposit = bidder("ufone", false, Map.of("1800", Mhz.parse("6")), 55_799_999, 1000);
        assertThat(reason(SealedRules.checkOffer(PK2021, sealedStage(PK2021), shortDeposit, UFONE_9MHZ)))
                .isEqualTo(ReasonCode.DEPOSIT_BELOW_REQUIRED);
    }

    @Test
    void rejectsADepositBelowTenPercentOfTheReserveOfTheDemandInAjkGb() {
        Bidder telenor = bidder("telenor", false, Map.of(), 1_409_399, 1000);
        assertThat(reason(ajk(telenor, Map.of("P2", 1, "P3", 3)))).isEqualTo(ReasonCode.DEPOSIT_BELOW_REQUIRED);
    }

    // --- package bids

    @Test
    void acceptsXorPackagesOverGenericAndSpecificLots() {
        assertThat(packages(TELENOR, bid("a", Map.of("P1", 1, "P3-B1", 1), 9_000_000),
                bid("b", Map.of("P2", 2), 2_088_000))).isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void rejectsAPackageBelowItsReserveValue() {
        assertThat(reason(packages(TELENOR, bid("a", Map.of("P1", 1, "P3-B1", 1), 8_699_999))))
                .isEqualTo(ReasonCode.BELOW_PACKAGE_RESERVE);
    }

    @Test
    void rejectsMorePackagesThanTheStageAllows() {
        assertThat(reason(packages(TELENOR, bid("a", Map.of("P1", 1), 4_350_000), bid("b", Map.of("P1", 2), 8_700_000),
                bid("c", Map.of("P2", 1), 1_044_000), bid("d", Map.of("P2", 2), 2_088_000))))
                .isEqualTo(ReasonCode.TOO_MANY_PACKAGES);
    }

    @Test
    void rejectsTwoPackagesWithTheSameId() {
        assertThat(reason(packages(TELENOR, bid("a", Map.of("P1", 1), 4_350_000), bid("a", Map.of("P2", 1), 1_044_000))))
                .isEqualTo(ReasonCode.DUPLICATE_PACKAGE_ID);
    }

    @Test
    void rejectsAPackageIdWithADot() {
        assertThat(reason(packages(TELENOR, bid("a.b", Map.of("P1", 1), 4_350_000))))
                .isEqualTo(ReasonCode.INVALID_PACKAGE_ID);
    }

    @Test
    void rejectsAnEmptyPackage() {
        assertThat(reason(packages(TELENOR, bid("a", Map.of("P1", 0), 0)))).isEqualTo(ReasonCode.EMPTY_PACKAGE);
    }

    @Test
    void rejectsASpecificCategoryNamedWithoutItsLotIds() {
        assertThat(reason(packages(TELENOR, bid("a", Map.of("P3", 1), 4_350_000)))).isEqualTo(ReasonCode.UNKNOWN_LOT);
        assertThat(reason(packages(TELENOR, bid("a", Map.of("P3-B9", 1), 4_350_000)))).isEqualTo(ReasonCode.UNKNOWN_LOT);
    }

    @Test
    void rejectsAPackageOverTheBiddersEligibility() {
        Bidder few = bidder("telenor", false, Map.of(), 10_000_000, 50);
        assertThat(reason(packages(few, bid("a", Map.of("P1", 1, "P2", 1), 5_394_000))))
                .isEqualTo(ReasonCode.ELIGIBILITY_EXCEEDED);
    }

    @Test
    void rejectsAPackageThatBreaksACapOnItsOwn() {
        PolicyDirective capped = directive(Scenarios.directiveYaml("ajkgb-ngms-2021")
                .replaceAll("(?s)stages:.*?payment:", """
                        spectrumCaps:
                          - { id: "1800", bands: ["1800"], limitMhz: "10", includesExistingHoldings: true }
                        stages:
                          - id: packages
                            type: SEALED_PACKAGE
                            pricing: PAY_AS_BID
                            maxPackagesPerBidder: 3
                        payment:"""));
        Bidder holder = bidder("zong", false, Map.of("1800", Mhz.parse("4")), 10_000_000, 1000);
        Stage.SealedPackage stage = (Stage.SealedPackage) capped.stages().get(0);
        assertThat(reason(SealedRules.checkPackages(capped, stage, holder, new PackageOffer("zong",
                List.of(bid("a", Map.of("P1", 1, "P2", 2), 6_438_000)))))).isEqualTo(ReasonCode.SPECTRUM_CAP);
        assertThat(SealedRules.checkPackages(capped, stage, holder, new PackageOffer("zong",
                List.of(bid("a", Map.of("P1", 1), 4_350_000))))).isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void rejectsPackagesWhoseDepositDoesNotCoverTheLargestPackage() {
        Bidder poor = bidder("telenor", false, Map.of(), 869_999, 1000);
        // 10% of the reserve of the most demanding package, 2 x 4.35 m
        assertThat(reason(packages(poor, bid("a", Map.of("P1", 2), 9_000_000), bid("b", Map.of("P2", 1), 1_044_000))))
                .isEqualTo(ReasonCode.DEPOSIT_BELOW_REQUIRED);
    }
}
