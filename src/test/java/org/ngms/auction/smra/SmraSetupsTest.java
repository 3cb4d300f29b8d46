package org.ngms.auction.smra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ngms.auction.Bidder;
import org.ngms.auction.sealed.PreBidOffers;
import org.ngms.auction.sealed.PreBidOutcome;
import org.ngms.auction.sealed.SealedFixtures;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Stage;
import org.ngms.shared.Money;
import org.ngms.shared.Percent;

/** An SMRA stage set up from the 2014 directive, with and without the sealed stage's escalation before it. */
class SmraSetupsTest {

    static final PolicyDirective PK2014 = SealedFixtures.directiveOf("pk-3g4g-2014");
    static final List<Bidder> QUALIFIED = SealedFixtures.qualified(PK2014,
            SealedFixtures.scenario("pk-3g4g-2014").bidders());
    static final byte[] SEED = {3, 1, 4};

    @Test
    void everyBlockOfTheStagesCategoriesIsALicenceAtItsReserveWithItsPoints() {
        SmraSetup setup = SmraSetups.forStage(PK2014, "smra", QUALIFIED, SEED, List.of());

        assertThat(setup.licences()).extracting(SmraLicence::id).containsExactly("2100-10-1", "2100-10-2",
                "2100-5-1", "2100-5-2", "1800-1", "1800-2", "850");
        SmraLicence first = setup.licences().get(0);
        assertThat(first.minimumOpeningBid()).isEqualTo(295_000_000L);
        assertThat(first.biddingUnits()).isEqualTo(295);
        // 2014 counts one direction: a 2x10 MHz block is 10 MHz in the caps
        assertThat(first.khz()).isEqualTo(10_000L);
        assertThat(setup.licences().get(6).newEntrantsOnly()).isTrue();
        assertThat(setup.bidders()).extracting(SmraBidder::id)
                .containsExactlyInAnyOrderElementsOf(QUALIFIED.stream().map(Bidder::id).toList());
        assertThat(setup.caps()).extracting(c -> c.id() + " " + c.limitKhz()).containsExactly("2100 15000", "1800 10000");
        assertThat(setup.increment()).isEqualTo(new SmraIncrement.RegulatorRange(Percent.of(1), Percent.of(3)));
        assertThat(setup.bidMultiple()).isEqualTo(10_000L);
        assertThat(setup.waivers()).isEqualTo(3);
        assertThat(setup.activity()).containsExactly(new SmraSetup.ActivityStage(1, Percent.of(30)),
                new SmraSetup.ActivityStage(5, Percent.of(100)));
        // without a sealed stage before it, each bidder keeps the eligibility qualification gave it
        assertThat(setup.bidders()).extracting(SmraBidder::eligibility).containsExactlyElementsOf(
                QUALIFIED.stream().map(Bidder::eligibilityPoints).toList());
    }

    @Test
    void theFirstRoundOpensAtTheMinimumOpeningBidsAndTakesABid() {
        SmraStage stage = SmraStage.start(SmraSetups.forStage(PK2014, "smra", QUALIFIED, SEED, List.of()));
        SmraPrices prices = stage.open(Optional.empty()).orElseThrow();
        String bidder = QUALIFIED.get(0).id();

        assertThat(prices.licences().get("2100-10-1").minimumAcceptableBid()).isEqualTo(295_000_000L);
        stage = stage.close(prices, List.of(SmraActions.bid(bidder, "2100-10-1", 295_000_000L)));
        assertThat(stage.rounds().get(0).rejections()).isEmpty();
    }

    @Test
    void afterASealedStageOnlyTheEscalatedCategoriesAndTheBiddersThatDemandedThemTakePart() {
        String zong = QUALIFIED.stream().map(Bidder::id).filter(id -> id.equals("zong")).findFirst().orElseThrow();
        PreBidOutcome sealed = new PreBidOutcome("sealed", PreBidOutcome.Status.ESCALATED,
                List.of(new PreBidOutcome.Award(zong, "1800", 1, List.of("1800-1"), Money.of(210_000_000),
                        Money.of(210_000_000))),
                List.of(new PreBidOutcome.Escalation("2100-10", Optional.of("smra"), 2, 3,
                        Map.of(zong, 1, "mobilink", 1, "telenor", 1))),
                List.of(), List.of(), Map.of(), Money.of(210_000_000));

        SmraSetup setup = SmraSetups.forStage(PK2014, "smra", QUALIFIED, SEED, List.of(sealed));

        assertThat(setup.licences()).extracting(SmraLicence::id).containsExactly("2100-10-1", "2100-10-2");
        assertThat(setup.bidders()).extracting(SmraBidder::id).containsExactlyInAnyOrder(zong, "mobilink", "telenor");
        // each one's eligibility is its sealed demand in the escalated category: one 2x10 block, 295 points
        assertThat(setup.bidders()).extracting(SmraBidder::eligibility).containsOnly(295);
        SmraBidder z = setup.bidders().stream().filter(b -> b.id().equals(zong)).findFirst().orElseThrow();
        assertThat(z.holdingKhz("1800")).as("what the sealed stage awarded counts").isEqualTo(10_000L
                + QUALIFIED.stream().filter(b -> b.id().equals(zong)).findFirst().orElseThrow().holdings()
                        .getOrDefault("1800", org.ngms.shared.Mhz.ZERO).khz());
    }

    @Test
    void afterThe2014SealedStageTheBiddersEligibilityIsThePointsOfTheirSealedDemandInTheEscalatedBand() {
        Stage.SealedDemandAtReserve sealedStage = SealedFixtures.sealedStage(PK2014);
        PreBidOutcome sealed = PreBidOffers.evaluate(PK2014, sealedStage, QUALIFIED,
                SealedFixtures.sealedBids("pk-3g4g-2014").offers(sealedStage.id()), SEED);

        SmraSetup setup = SmraSetups.forStage(PK2014, "smra", QUALIFIED, SEED, List.of(sealed));

        assertThat(setup.licences()).extracting(SmraLicence::id)
                .containsExactly("2100-10-1", "2100-10-2", "2100-5-1", "2100-5-2");
        Map<String, Integer> eligibility = new java.util.TreeMap<>();
        setup.bidders().forEach(b -> eligibility.put(b.id(), b.eligibility()));
        // 2x10 is 295 points a block, 2x5 148; Ufone's and Zong's 1800 demand was decided at reserve, not escalated
        assertThat(eligibility).isEqualTo(Map.of("mobilink", 295, "zong", 295, "telenor", 295 + 148,
                "ufone", 295 + 148));
        assertThat(QUALIFIED.stream().filter(b -> b.id().equals("ufone")).findFirst().orElseThrow()
                .eligibilityPoints()).as("registered: 2100 and 1800").isEqualTo(295 + 148 + 210);
    }
}
