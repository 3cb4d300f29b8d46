package org.ngms.auction.app;

import java.util.Optional;

import org.ngms.audit.app.AuditTrail;
import org.ngms.auction.outcome.PaymentPlan;
import org.ngms.auction.outcome.PaymentSchedules;
import org.ngms.directive.PolicyDirective;
import org.ngms.shared.Money;
import org.springframework.stereotype.Component;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A winner's payment schedules in the outcome: one per payment option of the directive, with the upfront amount, the
 * instalments (exact whole units that add up to the price) and the interest rule; interest itself depends on the
 * reference rate of the day and is stated as a rule.
 */
@Component
public class PaymentsWriter {

    public ArrayNode plans(PolicyDirective d, Money price) {
        ArrayNode plans = AuditTrail.object().arrayNode();
        for (PaymentPlan plan : PaymentSchedules.plans(d.payment(), price, Optional.empty())) {
            ObjectNode p = plans.addObject().put("option", plan.option()).put("price", plan.price().amount())
                    .put("moratoriumMonths", plan.moratoriumMonths());
            p.putObject("upfront").put("percent", plan.upfront().percent().toString())
                    .put("amount", plan.upfront().amount().amount())
                    .put("due", plan.upfront().due().toString());
            ArrayNode instalments = p.putArray("instalments");
            plan.instalments().forEach(i -> instalments.addObject().put("number", i.number())
                    .put("principal", i.principal().amount()).put("due", i.due().toString())
                    .put("outstandingBefore", i.outstandingBefore().amount()));
            plan.interest().ifPresent(rule -> p.put("interest", rule.toString()));
            p.put("remainderRule", plan.remainderRule());
            p.put("currency", d.currency().payment());
        }
        return plans;
    }
}
