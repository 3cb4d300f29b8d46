package org.ngms.auction.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ngms.auction.sealed.PreBidOffers;
import org.ngms.auction.sealed.PreBidOutcome;
import org.ngms.auction.sealed.SealedFixtures;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Scenario;
import org.ngms.directive.Stage;
import org.ngms.shared.CanonicalJson;
import org.ngms.shared.Money;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A sealed stage's recorded result is read back into the value it was written from, so that the clock stage after
 * it and the outcome take it as a value (escalations with their starting demand, awards, pending conditions), and a
 * damaged record is refused with the field named.
 */
class PreBidResultCodecTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] SEED = new byte[32];

    private static PreBidOutcome evaluated(String dir) {
        Scenario s = SealedFixtures.scenario(dir);
        PolicyDirective d = s.policy();
        Stage.SealedDemandAtReserve sealed = SealedFixtures.sealedStage(d);
        return PreBidOffers.evaluate(d, sealed, SealedFixtures.qualified(d, s.bidders()),
                SealedFixtures.sealedBids(dir).offers(sealed.id()), SEED);
    }

    private static String canonical(ObjectNode o) {
        return CanonicalJson.canonicalize(JSON.writeValueAsString(o));
    }

    @Test
    void everyRealSealedStageResultReadsBackToTheSameValueAndTheSameBytes() {
        // 2014 escalates 2100-5 band-wide: an escalation with its total demand at most the supply
        for (String dir : List.of("pk-ngms-2021", "ajkgb-ngms-2021", "pk-850-2016", "pk-1800-2017", "pk-3g4g-2014")) {
            PreBidOutcome outcome = evaluated(dir);
            ObjectNode written = OutcomeJson.preBidResult(outcome);
            PreBidOutcome read = OutcomeJson.readPreBidResult(JSON.readTree(canonical(written)));
            assertThat(read).as(dir).isEqualTo(outcome);
            assertThat(canonical(OutcomeJson.preBidResult(read))).as(dir).isEqualTo(canonical(written));
        }
    }

    @Test
    void anEscalationKeepsEachBiddersStartingDemand() {
        PreBidOutcome read = OutcomeJson.readPreBidResult(OutcomeJson.preBidResult(evaluated("ajkgb-ngms-2021")));
        assertThat(read.escalation("P1").orElseThrow().demand()).containsEntry("jazz", 2).containsEntry("zong", 2);
    }

    @Test
    void aCategoryEscalatedBandWideThatNobodyDemandedReadsBackWithNoDemand() {
        PreBidOutcome outcome = new PreBidOutcome("sealed", PreBidOutcome.Status.ESCALATED, List.of(),
                List.of(new PreBidOutcome.Escalation("2100-10", Optional.of("smra"), 2, 3, Map.of("a", 2, "b", 1)),
                        new PreBidOutcome.Escalation("2100-5", Optional.of("smra"), 2, 0, Map.of())),
                List.of(), List.of(), Map.of(), Money.ZERO);
        ObjectNode written = OutcomeJson.preBidResult(outcome);

        PreBidOutcome read = OutcomeJson.readPreBidResult(JSON.readTree(canonical(written)));

        assertThat(read).isEqualTo(outcome);
        assertThat(read.escalation("2100-5").orElseThrow().demand()).isEmpty();
        assertThat(canonical(OutcomeJson.preBidResult(read))).isEqualTo(canonical(written));
    }

    @Test
    void aDamagedResultIsRefusedWithTheFieldNamed() {
        ObjectNode written = OutcomeJson.preBidResult(evaluated("ajkgb-ngms-2021"));
        ((ObjectNode) written.get("escalations").get(0).get("demand")).put("jazz", "two");
        assertThatThrownBy(() -> OutcomeJson.readPreBidResult(written))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("escalations[0].jazz");
        ObjectNode noRevenue = OutcomeJson.preBidResult(evaluated("pk-ngms-2021"));
        noRevenue.remove("revenue");
        assertThatThrownBy(() -> OutcomeJson.readPreBidResult(noRevenue)).hasMessageContaining("revenue");
    }
}
