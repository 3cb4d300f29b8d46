package org.ngms.auction.outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ngms.auction.sealed.PreBidOutcome;
import org.ngms.auction.smra.SmraLicence;
import org.ngms.auction.smra.SmraOutcome;
import org.ngms.auction.smra.SmraSetup;
import org.ngms.directive.PolicyDirective;
import org.ngms.shared.JsonFields;
import org.ngms.shared.Money;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of an SMRA stage's result and of the outcome of an auction that ended with one: the awards at reserve of
 * an earlier sealed stage plus each licence won at its winning bid, after the cross-band conditions the sealed stage
 * left pending are settled, with the withdrawal payments owed. Plain code, shared by the service and the verifier.
 */
public final class SmraOutcomeJson {

    private SmraOutcomeJson() {
    }

    /** An award of the SMRA stage with the lot category its licence belongs to. */
    public record LicenceAward(String licence, String category, String bidder, long price) {
    }

    /**
     * {@code {stage, status: DECIDED, rounds, awards: [{licence, category, bidder, price}], unsold: [licence],
     * revenue, withdrawalPayments: [{bidder, licence, round, withdrawnBid, payment, interim}]}}.
     */
    public static ObjectNode stageResult(SmraSetup setup, SmraOutcome outcome) {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("stage", outcome.stage()).put("status", "DECIDED")
                .put("rounds", outcome.rounds());
        ArrayNode awards = o.putArray("awards");
        outcome.awards().forEach(a -> awards.addObject().put("licence", a.licence())
                .put("category", setup.licence(a.licence()).map(SmraLicence::category).orElseThrow())
                .put("bidder", a.bidder()).put("price", a.price()));
        ArrayNode unsold = o.putArray("unsold");
        outcome.unsold().forEach(unsold::add);
        o.put("revenue", outcome.revenue());
        o.set("withdrawalPayments", withdrawalPayments(outcome.withdrawalPayments()));
        return o;
    }

    private static ArrayNode withdrawalPayments(List<SmraOutcome.WithdrawalPayment> payments) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        payments.forEach(w -> list.addObject().put("bidder", w.bidder()).put("licence", w.licence())
                .put("round", w.round()).put("withdrawnBid", w.withdrawnBid()).put("payment", w.payment())
                .put("interim", w.interim()));
        return list;
    }

    /** The awards of a recorded {@link #stageResult}, strictly. */
    public static List<LicenceAward> readAwards(JsonNode result) {
        return JsonFields.list(result, "awards", a -> new LicenceAward(JsonFields.text(a, "licence"),
                JsonFields.text(a, "category"), JsonFields.text(a, "bidder"), JsonFields.whole(a, "price")));
    }

    /**
     * The outcome ({@code ngms-outcome/1}) of sealed awards at reserve and the SMRA's awards, each licence one win, so
     * that a failed cross-band condition takes back exactly the conditional licences; with the withdrawal payments.
     */
    public static ObjectNode outcome(String auction, String directiveId, int directiveVersion, String directiveSha256,
                                     PolicyDirective d, List<PreBidOutcome> sealedResults, SmraSetup setup,
                                     SmraOutcome smra) {
        List<Outcome.Win> wins = ClockOutcomeJson.sealedWins(sealedResults);
        for (SmraOutcome.Award a : smra.awards()) {
            String category = setup.licence(a.licence()).map(SmraLicence::category).orElseThrow();
            wins.add(new Outcome.Win(a.bidder(), Map.of(category, 1), List.of(a.licence()), Money.of(a.price())));
        }
        List<ObjectNode> failed = new ArrayList<>();
        List<Outcome.Win> kept = ClockOutcomeJson.settlePendingConditions(d, sealedResults, wins, failed);
        ObjectNode outcome = ClockOutcomeJson.outcomeOf(auction, directiveId, directiveVersion, directiveSha256, d,
                kept);
        if (!failed.isEmpty()) {
            ArrayNode conditions = outcome.putArray("conditionsFailed");
            failed.forEach(conditions::add);
        }
        if (!smra.withdrawalPayments().isEmpty()) {
            outcome.set("withdrawalPayments", withdrawalPayments(smra.withdrawalPayments()));
        }
        return outcome;
    }
}
