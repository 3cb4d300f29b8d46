package org.ngms.auction.sealed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngms.auction.sealed.SealedFixtures.SEED;
import static org.ngms.auction.sealed.SealedFixtures.bidder;
import static org.ngms.auction.sealed.SealedFixtures.directive;
import static org.ngms.auction.sealed.SealedFixtures.qualified;
import static org.ngms.auction.sealed.SealedFixtures.sealedStage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ngms.auction.Bidder;
import org.ngms.auction.ReasonCode;
import org.ngms.auction.outcome.Outcome;
import org.ngms.auction.sealed.PreBidOutcome.Award;
import org.ngms.auction.sealed.PreBidOutcome.Status;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Scenario;
import org.ngms.shared.Money;
import org.ngms.support.Scenarios;

class PreBidOffersTest {

    private static PreBidOutcome replay(String dir, byte[] seed) {
        Scenario s = SealedFixtures.scenario(dir);
        PolicyDirective d = s.policy();
        return PreBidOffers.evaluate(d, sealedStage(d), qualified(d, s.bidders()),
                SealedFixtures.sealedBids(dir).offers(sealedStage(d).id()), seed);
    }

    @Test
    void pakistan2021AwardsUfoneAlone9MhzIn1800At279MillionAndLeavesTheRestUnsold() {
        PreBidOutcome o = replay("pk-ngms-2021", SEED);
        assertThat(o.status()).isEqualTo(Status.DECIDED);
        assertThat(o.awards()).containsExactly(
                new Award("ufone", "1800-A", 1, List.of(), Money.of(155_000_000), Money.of(155_000_000)),
                new Award("ufone", "1800-B", 20, List.of(), Money.of(6_200_000), Money.of(124_000_000)));
        assertThat(o.revenue()).isEqualTo(Money.of(279_000_000));
        assertThat(o.unsold()).isEqualTo(Map.of("1800-B", 19, "2100", 3));
        assertThat(o.escalations()).isEmpty();
        assertThat(o.exclusions()).isEmpty();
    }

    @Test
    void pakistan2021MatchesThePublishedOutcome() {
        Scenario s = SealedFixtures.scenario("pk-ngms-2021");
        Outcome outcome = Outcome.of(s.policy(), Outcome.wins(replay("pk-ngms-2021", SEED)), Optional.empty());
        assertThat(outcome.revenue()).isEqualTo(s.outcome().revenue());
        assertThat(outcome.unsold()).isEqualTo(s.outcome().unsold());
        assertThat(outcome.winner("ufone").orElseThrow().lots()).isEqualTo(s.outcome().award("ufone").orElseThrow()
                .lots());
    }

    @Test
    void ajkGb2021AwardsProducts2And3AtReserveAndEscalatesProduct1WithJazzAndZongDemandingTwoEach() {
        PreBidOutcome o = replay("ajkgb-ngms-2021", SEED);
        assertThat(o.status()).isEqualTo(Status.ESCALATED);
        assertThat(o.escalations()).singleElement().satisfies(e -> {
            assertThat(e.category()).isEqualTo("P1");
            assertThat(e.toStage()).contains("clock");
            assertThat(e.supply()).isEqualTo(2);
            assertThat(e.totalDemand()).isEqualTo(4);
            assertThat(e.demand()).isEqualTo(Map.of("jazz", 2, "zong", 2));
        });
        assertThat(o.blocksAwarded("ufone", "P2")).isEqualTo(1);
        assertThat(o.blocksAwarded("telenor", "P2")).isEqualTo(1);
        assertThat(o.blocksAwarded("zong", "P2")).isEqualTo(1);
        assertThat(o.blocksAwarded("telenor", "P3")).isEqualTo(3);
        assertThat(o.awardsOf("jazz")).isEmpty();
        assertThat(o.unsold()).isEqualTo(Map.of("P2", 2, "P3", 3));
        // 3 x 1.044 m + 3 x 4.35 m
        assertThat(o.revenue()).isEqualTo(Money.of(16_182_000));
    }

    @Test
    void ajkGb2021GivesTelenorThreeConsecutiveSpecific2100Blocks() {
        Award p3 = replay("ajkgb-ngms-2021", SEED).awardsOf("telenor").stream()
                .filter(a -> a.category().equals("P3")).findFirst().orElseThrow();
        assertThat(p3.lotIds()).containsExactly("P3-B1", "P3-B2", "P3-B3");
        assertThat(p3.total()).isEqualTo(Money.of(13_050_000));
    }

    @Test
    void specificBlocksGoToBiddersInTieNumberOrderFromTheSeed() {
        PolicyDirective d = SealedFixtures.directiveOf("ajkgb-ngms-2021");
        Bidder a = bidder("a", false, Map.of(), 10_000_000, 1000);
        Bidder b = bidder("b", false, Map.of(), 10_000_000, 1000);
        List<DemandOffer> offers = List.of(new DemandOffer("a", Map.of("P3", 2)), new DemandOffer("b", Map.of("P3", 3)));
        for (byte s = 0; s < 6; s++) {
            byte[] seed = {s};
            PreBidOutcome o = PreBidOffers.evaluate(d, sealedStage(d), List.of(a, b), offers, seed);
            boolean aFirst = PreBidOffers.tieNumber(seed, "sealed", "P3", "a")
                    .compareTo(PreBidOffers.tieNumber(seed, "sealed", "P3", "b")) < 0;
            List<String> lotsOfA = o.awardsOf("a").get(0).lotIds();
            List<String> lotsOfB = o.awardsOf("b").get(0).lotIds();
            if (aFirst) {
                assertThat(lotsOfA).containsExactly("P3-B1", "P3-B2");
                assertThat(lotsOfB).containsExactly("P3-B3", "P3-B4", "P3-B5");
            } else {
                assertThat(lotsOfB).containsExactly("P3-B1", "P3-B2", "P3-B3");
                assertThat(lotsOfA).containsExactly("P3-B4", "P3-B5");
            }
        }
    }

    @Test
    void theSameOffersAndSeedGiveAnEqualOutcome() {
        assertThat(replay("ajkgb-ngms-2021", SEED)).isEqualTo(replay("ajkgb-ngms-2021", SEED.clone()));
        assertThat(replay("pk-ngms-2021", SEED)).isEqualTo(replay("pk-ngms-2021", SEED.clone()));
    }

    @Test
    void theSingleApplicantOf2016IsAwarded850MhzAtReserve() {
        PreBidOutcome o = replay("pk-850-2016", SEED);
        assertThat(o.status()).isEqualTo(Status.DECIDED);
        assertThat(o.awards()).containsExactly(new Award("telenor", "850", 1, List.of("850-B1"),
                Money.of(395_000_000), Money.of(395_000_000)));
        assertThat(o.unsold()).isEmpty();
    }

    @Test
    void theSingleApplicantOf2017IsAwarded1800MhzAtReserve() {
        PreBidOutcome o = replay("pk-1800-2017", SEED);
        assertThat(o.awards()).containsExactly(new Award("jazz", "1800", 1, List.of(), Money.of(295_000_000),
                Money.of(295_000_000)));
        assertThat(o.revenue()).isEqualTo(Money.of(295_000_000));
    }

    @Test
    void aQualifiedBidderWithoutAnOfferIsExcluded() {
        Scenario s = SealedFixtures.scenario("ajkgb-ngms-2021");
        PolicyDirective d = s.policy();
        List<DemandOffer> withoutJazz = SealedFixtures.sealedBids("ajkgb-ngms-2021").offers("sealed").stream()
                .filter(o -> !o.bidder().equals("jazz")).toList();
        PreBidOutcome o = PreBidOffers.evaluate(d, sealedStage(d), qualified(d, s.bidders()), withoutJazz, SEED);
        assertThat(o.exclusions()).singleElement().satisfies(e -> {
            assertThat(e.bidder()).isEqualTo("jazz");
            assertThat(e.reason()).isEqualTo(ReasonCode.DEMAND_REQUIRED);
        });
        // without Jazz, Zong alone demands both P1 blocks: no excess demand, awarded at reserve
        assertThat(o.status()).isEqualTo(Status.DECIDED);
        assertThat(o.blocksAwarded("zong", "P1")).isEqualTo(2);
    }

    @Test
    void aBidderWhoseOfferBreaksARuleIsExcludedWithThatRule() {
        Scenario s = SealedFixtures.scenario("ajkgb-ngms-2021");
        PolicyDirective d = s.policy();
        List<DemandOffer> offers = SealedFixtures.sealedBids("ajkgb-ngms-2021").offers("sealed").stream()
                .map(o -> o.bidder().equals("ufone") ? new DemandOffer("ufone", Map.of("P2", 3)) : o).toList();
        PreBidOutcome o = PreBidOffers.evaluate(d, sealedStage(d), qualified(d, s.bidders()), offers, SEED);
        assertThat(o.exclusions()).singleElement().satisfies(e -> {
            assertThat(e.bidder()).isEqualTo("ufone");
            assertThat(e.reason()).isEqualTo(ReasonCode.ELIGIBILITY_EXCEEDED);
        });
        assertThat(o.awardsOf("ufone")).isEmpty();
        assertThat(o.unsold()).containsEntry("P2", 3);
    }

    @Test
    void anOverDemandedCategoryWithoutAnEscalationStageIsReportedNotAwarded() {
        PolicyDirective d = directive(Scenarios.directiveYaml("ajkgb-ngms-2021")
                .replaceAll("(?s)stages:.*?payment:", """
                        stages:
                          - id: sealed
                            type: SEALED_DEMAND_AT_RESERVE
                        payment:"""));
        Scenario s = SealedFixtures.scenario("ajkgb-ngms-2021");
        PreBidOutcome o = PreBidOffers.evaluate(d, sealedStage(d), qualified(d, s.bidders()),
                SealedFixtures.sealedBids("ajkgb-ngms-2021").offers("sealed"), SEED);
        assertThat(o.status()).isEqualTo(Status.OVER_DEMANDED_WITHOUT_ESCALATION);
        assertThat(o.escalation("P1").orElseThrow().toStage()).isEmpty();
        assertThat(o.awards()).noneMatch(a -> a.category().equals("P1"));
    }

    @Test
    void a1800DemandIn2014StaysPendingWhileThe2100BlocksGoToTheSmra() {
        PolicyDirective d = SealedFixtures.directiveOf("pk-3g4g-2014");
        List<Bidder> bidders = List.of(
                bidder("mobilink", false, Map.of(), 100_000_000, 2000),
                bidder("zong", false, Map.of(), 100_000_000, 2000),
                bidder("telenor", false, Map.of(), 100_000_000, 2000));
        List<DemandOffer> offers = List.of(
                new DemandOffer("mobilink", Map.of("2100-10", 1)),
                new DemandOffer("zong", Map.of("2100-10", 1, "1800", 1)),
                new DemandOffer("telenor", Map.of("2100-10", 1)));
        PreBidOutcome o = PreBidOffers.evaluate(d, sealedStage(d), bidders, offers, SEED);
        assertThat(o.escalation("2100-10").orElseThrow().toStage()).contains("smra");
        assertThat(o.blocksAwarded("zong", "1800")).isEqualTo(1);
        assertThat(o.pendingConditions()).singleElement().satisfies(p -> {
            assertThat(p.bidder()).isEqualTo("zong");
            assertThat(p.condition()).isEqualTo("1800-needs-2x10-in-2100");
            assertThat(p.requiredBands()).containsExactly("2100");
        });
    }

    private static PreBidOutcome pk2014(PolicyDirective d, List<DemandOffer> offers) {
        Scenario s = SealedFixtures.scenario("pk-3g4g-2014");
        return PreBidOffers.evaluate(d, sealedStage(d), qualified(d, s.bidders()), offers, SEED);
    }

    @Test
    void in2014TheOverDemanded2x10CategoryTakesThe2x5OneAlongToTheSmraWhile1800IsDecidedAtReserve() {
        PreBidOutcome o = replay("pk-3g4g-2014", SEED);

        assertThat(o.status()).isEqualTo(Status.ESCALATED);
        assertThat(o.escalations()).extracting(e -> e.category() + " " + e.toStage().orElse("-") + " "
                + e.totalDemand() + "/" + e.supply()).containsExactly("2100-10 smra 4/2", "2100-5 smra 2/2");
        assertThat(o.escalation("2100-5").orElseThrow().demand()).isEqualTo(Map.of("telenor", 1, "ufone", 1));
        assertThat(o.awards()).noneMatch(a -> a.category().startsWith("2100"));
        // 1800 is another band: decided at reserve, each award pending the 2x10 in 2100 the SMRA may give
        assertThat(o.awards()).containsExactly(
                new Award("ufone", "1800", 1, List.of(), Money.of(210_000_000), Money.of(210_000_000)),
                new Award("zong", "1800", 1, List.of(), Money.of(210_000_000), Money.of(210_000_000)));
        assertThat(o.pendingConditions()).extracting(PreBidOutcome.PendingCondition::bidder)
                .containsExactly("ufone", "zong");
        assertThat(o.unsold()).isEqualTo(Map.of("850", 1));
        assertThat(o.revenue()).isEqualTo(Money.of(420_000_000));
    }

    @Test
    void aBandEscalationPullsAlongACategoryNobodyDemanded() {
        PolicyDirective d = SealedFixtures.directiveOf("pk-3g4g-2014");
        List<DemandOffer> offers = List.of(new DemandOffer("mobilink", Map.of("2100-10", 1)),
                new DemandOffer("zong", Map.of("2100-10", 1)), new DemandOffer("telenor", Map.of("2100-10", 1)),
                new DemandOffer("ufone", Map.of()));

        PreBidOutcome o = pk2014(d, offers);

        assertThat(o.escalation("2100-5").orElseThrow()).satisfies(e -> {
            assertThat(e.toStage()).contains("smra");
            assertThat(e.totalDemand()).isZero();
            assertThat(e.demand()).isEmpty();
        });
        assertThat(o.unsold()).doesNotContainKey("2100-5").containsEntry("1800", 2).containsEntry("850", 1);
    }

    @Test
    void escalatingByCategoryAwardsThe2x5LotsAtReserveAsBefore() {
        PolicyDirective d = directive(Scenarios.directiveYaml("pk-3g4g-2014")
                .replaceFirst("(?m)^    escalation: BAND.*$", "    escalation: CATEGORY"));

        PreBidOutcome o = pk2014(d, SealedFixtures.sealedBids("pk-3g4g-2014").offers("sealed"));

        assertThat(o.escalations()).extracting(PreBidOutcome.Escalation::category).containsExactly("2100-10");
        assertThat(o.blocksAwarded("telenor", "2100-5")).isEqualTo(1);
        assertThat(o.blocksAwarded("ufone", "2100-5")).isEqualTo(1);
        assertThat(o.blocksAwarded("zong", "1800")).isEqualTo(1);
        assertThat(o.revenue()).isEqualTo(Money.of(2 * 147_500_000 + 2 * 210_000_000));
    }

    @Test
    void aBandWithoutAnOverDemandedCategoryIsDecidedAtReserveUnderBandEscalation() {
        PolicyDirective d = SealedFixtures.directiveOf("pk-3g4g-2014");
        List<DemandOffer> offers = List.of(new DemandOffer("mobilink", Map.of("2100-10", 1)),
                new DemandOffer("zong", Map.of("2100-10", 1, "1800", 1)),
                new DemandOffer("telenor", Map.of("2100-5", 1)), new DemandOffer("ufone", Map.of("2100-5", 1)));

        PreBidOutcome o = pk2014(d, offers);

        assertThat(o.status()).isEqualTo(Status.DECIDED);
        assertThat(o.escalations()).isEmpty();
        assertThat(o.blocksAwarded("mobilink", "2100-10")).isEqualTo(1);
        assertThat(o.blocksAwarded("telenor", "2100-5")).isEqualTo(1);
        assertThat(o.pendingConditions()).isEmpty();
        assertThat(o.unsold()).isEqualTo(Map.of("1800", 1, "850", 1));
    }

    @Test
    void aBandMateOutsideTheEscalationStagesScopeIsDecidedAtReserve() {
        PolicyDirective d = directive(Scenarios.directiveYaml("pk-3g4g-2014")
                .replaceFirst("(?m)^    type: SMRA(.*)$", "    type: SMRA$1\n    categories: [\"2100-10\"]"));

        PreBidOutcome o = pk2014(d, SealedFixtures.sealedBids("pk-3g4g-2014").offers("sealed"));

        assertThat(o.escalations()).extracting(PreBidOutcome.Escalation::category).containsExactly("2100-10");
        assertThat(o.blocksAwarded("telenor", "2100-5")).isEqualTo(1);
        assertThat(o.blocksAwarded("ufone", "2100-5")).isEqualTo(1);
    }
}
