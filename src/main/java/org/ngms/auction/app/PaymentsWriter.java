package org.ngms.auction.app;

import org.ngms.auction.outcome.OutcomeJson;
import org.ngms.directive.PolicyDirective;
import org.ngms.shared.Money;
import org.springframework.stereotype.Component;

import tools.jackson.databind.node.ArrayNode;

/**
 * A winner's payment schedules in the outcome: one per payment option of the directive, with the upfront amount, the
 * instalments (exact whole units that add up to the price) and the interest rule; interest itself depends on the
 * reference rate of the day and is stated as a rule. The mapping is {@link OutcomeJson#paymentPlans}.
 */
@Component
public class PaymentsWriter {

    public ArrayNode plans(PolicyDirective d, Money price) {
        return OutcomeJson.paymentPlans(d, price);
    }
}
