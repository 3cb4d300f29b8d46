package org.ngms.auction.events;

import java.util.OptionalLong;

import org.ngms.auction.clock.ClockRound;
import org.ngms.audit.AuditEvent;
import org.ngms.directive.EligibilityCondition;
import org.ngms.shared.JsonFields;

import tools.jackson.databind.node.ObjectNode;

/**
 * {@code BIDDER_EXCLUDED}: a round-1 condition excluded a bidder (its whole bid set void); where the directive says
 * so its deposit is forfeited, with the amount for the regulator to call the guarantee.
 */
public record BidderExcluded(String stage, int round, ClockRound.Exclusion exclusion, OptionalLong forfeitedDeposit)
        implements AuditEvent {

    public static final String TYPE = "BIDDER_EXCLUDED";

    /** The event for an exclusion, with the deposit forfeited if the consequence says so. */
    public static BidderExcluded of(String stage, int round, ClockRound.Exclusion e, OptionalLong deposit) {
        boolean forfeits = e.consequence() == EligibilityCondition.Consequence.EXCLUDE_AND_FORFEIT_DEPOSIT;
        return new BidderExcluded(stage, round, e, forfeits ? deposit : OptionalLong.empty());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode payload() {
        boolean forfeited = exclusion.consequence() == EligibilityCondition.Consequence.EXCLUDE_AND_FORFEIT_DEPOSIT;
        ObjectNode facts = JsonFields.object().put("stage", stage).put("round", round)
                .put("bidder", exclusion.bidder()).put("condition", exclusion.condition())
                .put("consequence", exclusion.consequence().name()).put("message", exclusion.message())
                .put("depositForfeited", forfeited);
        forfeitedDeposit.ifPresent(d -> facts.put("deposit", d));
        return facts;
    }
}
