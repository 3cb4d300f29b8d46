package org.ngms.auction.smra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ngms.auction.Bidder;
import org.ngms.auction.sealed.PreBidOffers;
import org.ngms.auction.sealed.PreBidOutcome;
import org.ngms.auction.sealed.SealedBids;
import org.ngms.auction.sealed.SealedFixtures;
import org.ngms.auction.smra.replay.SmraScript;
import org.ngms.auction.smra.replay.SmraScriptReader;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Scenario;
import org.ngms.directive.ScenarioLoader;
import org.ngms.directive.Stage;
import org.ngms.shared.Mhz;
import org.ngms.shared.Money;

/**
 * The 2014 NGMS (3G/4G) award from its scenario files, through the engine: the sealed stage decides the offers of
 * {@code sealed-bids.yaml} (2100 escalates band-wide to the SMRA, 1800 is awarded at reserve pending the condition on
 * 2100), the SMRA is set up from that result, and {@code smra-bids.yaml} is run through {@link SmraStage} round by
 * round. The bids are assumed, fitted to the published result (scenarios/pk-3g4g-2014/outcome.yaml).
 */
class Pakistan2014ScenarioTest {

    private static final Path DIR = Path.of("scenarios", "pk-3g4g-2014");
    private static final byte[] SEED = SealedFixtures.SEED;

    private record Run(PreBidOutcome sealed, SmraStage smra) {
    }

    private static Run run() {
        Scenario scenario = ScenarioLoader.load(DIR);
        PolicyDirective d = scenario.policy();
        List<Bidder> qualified = SealedFixtures.qualified(d, scenario.bidders());
        Stage.SealedDemandAtReserve sealedStage = SealedFixtures.sealedStage(d);
        PreBidOutcome sealed = PreBidOffers.evaluate(d, sealedStage, qualified,
                SealedBids.load(DIR).offers(sealedStage.id()), SEED);

        SmraScript script = SmraScriptReader.read(DIR);
        assertThat(script.directive()).isEqualTo(d.id());
        SmraStage stage = SmraStage.start(SmraSetups.forStage(d, script.stage(), qualified, SEED, List.of(sealed)));
        for (SmraScript.Round round : script.rounds()) {
            assertThat(stage.ended()).as("the stage is still open for round " + round.round()).isFalse();
            assertThat(round.round()).isEqualTo(stage.nextRound());
            SmraPrices prices = stage.open(round.increment()).orElseThrow();
            assertThat(stage.rejections(prices, round.actions())).as("round " + round.round()).isEmpty();
            stage = stage.close(prices, round.actions());
        }
        return new Run(sealed, stage);
    }

    @Test
    void theSealedStageSends2100ToTheSmraAndAwards1800AtReservePendingTheConditionOn2100() {
        PreBidOutcome sealed = run().sealed();

        assertThat(sealed.status()).isEqualTo(PreBidOutcome.Status.ESCALATED);
        assertThat(sealed.escalations()).extracting(PreBidOutcome.Escalation::category)
                .containsExactly("2100-10", "2100-5");
        assertThat(sealed.awards()).extracting(a -> a.bidder() + " " + a.category() + " " + a.total().amount())
                .containsExactly("ufone 1800 210000000", "zong 1800 210000000");
        assertThat(sealed.pendingConditions()).extracting(p -> p.bidder() + " " + p.condition())
                .containsExactly("ufone 1800-needs-2x10-in-2100", "zong 1800-needs-2x10-in-2100");
        assertThat(sealed.unsold()).isEqualTo(Map.of("850", 1));
        assertThat(sealed.revenue()).isEqualTo(Money.of(420_000_000));
    }

    @Test
    void theScriptReachesThePublished2100ResultInSevenRounds() {
        Run run = run();
        SmraStage stage = run.smra();

        assertThat(stage.ended()).isTrue();
        SmraOutcome outcome = stage.outcome().orElseThrow();
        assertThat(outcome.rounds()).isEqualTo(7).isEqualTo(ScenarioLoader.load(DIR).outcome().rounds().get("smra"));
        assertThat(outcome.awards()).containsExactly(
                new SmraOutcome.Award("2100-10-1", "zong", 306_920_000),
                new SmraOutcome.Award("2100-10-2", "mobilink", 300_900_000),
                new SmraOutcome.Award("2100-5-1", "telenor", 147_500_000),
                new SmraOutcome.Award("2100-5-2", "ufone", 147_500_000));
        assertThat(outcome.unsold()).isEmpty();
        assertThat(outcome.withdrawalPayments()).isEmpty();
        // the four 2100 lots opened at 885 m in total
        assertThat(stage.rounds().get(0).licences().stream()
                .mapToLong(SmraRound.LicenceRound::minimumAcceptableBid).sum()).isEqualTo(885_000_000L);
        assertThat(outcome.revenue()).isEqualTo(902_820_000L);
    }

    @Test
    void onlyZongMeetsThe1800ConditionSoTheAwardRaises1112820000WithOne1800BlockUnsold() {
        Run run = run();
        SmraSetup setup = run.smra().setup();
        SmraOutcome outcome = run.smra().outcome().orElseThrow();
        long revenue = outcome.revenue();
        for (PreBidOutcome.PendingCondition p : run.sealed().pendingConditions()) {
            long wonKhz = outcome.awards().stream().filter(a -> a.bidder().equals(p.bidder()))
                    .map(a -> setup.licences().stream().filter(l -> l.id().equals(a.licence())).findFirst()
                            .orElseThrow())
                    .filter(l -> p.requiredBands().contains(l.band()))
                    .mapToLong(SmraLicence::khz).sum();
            boolean met = wonKhz >= Mhz.parse(p.minMhz()).khz();
            assertThat(met).as(p.bidder() + " wins " + wonKhz + " kHz of 2100").isEqualTo(p.bidder().equals("zong"));
            if (met) {
                revenue += run.sealed().awardsOf(p.bidder()).stream()
                        .filter(a -> p.categories().contains(a.category()))
                        .mapToLong(a -> a.total().amount()).sum();
            }
        }
        assertThat(revenue).isEqualTo(1_112_820_000L)
                .isEqualTo(ScenarioLoader.load(DIR).outcome().revenue().amount());
    }

    @Test
    void waiversAreUsedOnlyInRoundsFiveToSeven() {
        SmraStage stage = run().smra();

        for (int r = 1; r <= 4; r++) {
            assertThat(stage.rounds().get(r - 1).bidders()).as("round " + r).extracting(SmraRound.BidderRound::waiver)
                    .containsOnly(SmraRound.Waiver.NONE);
        }
        for (int r = 5; r <= 7; r++) {
            SmraRound round = stage.rounds().get(r - 1);
            // Telenor and Ufone each stand high on a 148-unit 2x5 lot with 443 units of eligibility
            assertThat(round.bidder("telenor").orElseThrow().waiver()).as("round " + r)
                    .isEqualTo(SmraRound.Waiver.AUTOMATIC);
            assertThat(round.bidder("ufone").orElseThrow().waiver()).as("round " + r)
                    .isEqualTo(r < 7 ? SmraRound.Waiver.PROACTIVE : SmraRound.Waiver.AUTOMATIC);
            assertThat(round.bidder("zong").orElseThrow().waiver()).isEqualTo(SmraRound.Waiver.NONE);
            assertThat(round.bidder("mobilink").orElseThrow().waiver()).isEqualTo(SmraRound.Waiver.NONE);
        }
        assertThat(stage.state().bidder("telenor").waiversLeft()).isZero();
        assertThat(stage.state().bidder("ufone").waiversLeft()).isZero();
        assertThat(stage.state().bidder("ufone").eligibility()).isEqualTo(443);
    }
}
