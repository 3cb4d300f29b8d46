package org.ngms.auction.outcome;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ngms.auction.ReasonCode;
import org.ngms.auction.sealed.Exclusion;
import org.ngms.auction.sealed.PreBidOutcome;
import org.ngms.directive.Band;
import org.ngms.directive.LotCategory;
import org.ngms.directive.PolicyDirective;
import org.ngms.shared.Decimals;
import org.ngms.shared.JsonFields;
import org.ngms.shared.Mhz;
import org.ngms.shared.Money;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of sealed-stage results and outcomes, as the service records them in the transcript ({@code STAGE_RESULT}
 * and {@code OUTCOME_PUBLISHED}) and serves them: money as whole units of the auction currency, spectrum as exact
 * decimal MHz text. Plain code, so that the offline verifier recomputes exactly the JSON the service wrote; the
 * service's {@code OutcomeWriter} and {@code PaymentsWriter} delegate here.
 */
public final class OutcomeJson {

    private OutcomeJson() {
    }

    /** The {@code result} of a stage of pre-bid offers at reserve. */
    public static ObjectNode preBidResult(PreBidOutcome r) {
        ObjectNode o = object().put("stage", r.stage()).put("status", r.status().name());
        ArrayNode awards = o.putArray("awards");
        r.awards().forEach(a -> {
            ObjectNode award = awards.addObject().put("bidder", a.bidder()).put("category", a.category())
                    .put("blocks", a.blocks()).put("pricePerBlock", a.pricePerBlock().amount())
                    .put("total", a.total().amount());
            ArrayNode lots = award.putArray("lotIds");
            a.lotIds().forEach(lots::add);
        });
        ArrayNode escalations = o.putArray("escalations");
        r.escalations().forEach(e -> {
            ObjectNode x = escalations.addObject().put("category", e.category()).put("supply", e.supply())
                    .put("totalDemand", e.totalDemand());
            e.toStage().ifPresent(s -> x.put("toStage", s));
            ObjectNode demand = x.putObject("demand");
            e.demand().forEach(demand::put);
        });
        ArrayNode exclusions = o.putArray("exclusions");
        r.exclusions().forEach(e -> exclusions.addObject().put("bidder", e.bidder()).put("reason", e.reason().name())
                .put("message", e.message()));
        ArrayNode pending = o.putArray("pendingConditions");
        r.pendingConditions().forEach(p -> {
            ObjectNode condition = pending.addObject().put("bidder", p.bidder()).put("condition", p.condition())
                    .put("minMhz", p.minMhz());
            ArrayNode categories = condition.putArray("categories");
            p.categories().forEach(categories::add);
            ArrayNode bands = condition.putArray("requiredBands");
            p.requiredBands().forEach(bands::add);
        });
        ObjectNode unsold = o.putObject("unsold");
        r.unsold().forEach(unsold::put);
        o.put("revenue", r.revenue().amount());
        return o;
    }

    /**
     * A recorded {@link #preBidResult} read back, strictly (a missing or mistyped field is an
     * {@link IllegalArgumentException} naming it): how a later stage and the outcome take a sealed stage's result,
     * as a value rather than as JSON. {@code preBidResult(readPreBidResult(json))} is {@code json}.
     */
    public static PreBidOutcome readPreBidResult(JsonNode o) {
        List<PreBidOutcome.Award> awards = JsonFields.list(o, "awards", a -> new PreBidOutcome.Award(
                JsonFields.text(a, "bidder"), JsonFields.text(a, "category"), JsonFields.integer(a, "blocks"),
                JsonFields.list(a, "lotIds", id -> JsonFields.text(wrap(id), "id")),
                Money.of(JsonFields.whole(a, "pricePerBlock")), Money.of(JsonFields.whole(a, "total"))));
        List<PreBidOutcome.Escalation> escalations = JsonFields.list(o, "escalations", e -> {
            Map<String, Integer> demand = new TreeMap<>();
            JsonNode listed = JsonFields.object(e, "demand");
            for (String bidder : listed.propertyNames()) {
                demand.put(bidder, JsonFields.integer(listed, bidder));
            }
            return new PreBidOutcome.Escalation(JsonFields.text(e, "category"),
                    e.has("toStage") ? Optional.of(JsonFields.text(e, "toStage")) : Optional.empty(),
                    JsonFields.integer(e, "supply"), JsonFields.integer(e, "totalDemand"), demand);
        });
        List<Exclusion> exclusions = JsonFields.list(o, "exclusions", e -> new Exclusion(
                JsonFields.text(e, "bidder"), reason(JsonFields.text(e, "reason")), JsonFields.text(e, "message")));
        List<PreBidOutcome.PendingCondition> pending = JsonFields.list(o, "pendingConditions", c ->
                new PreBidOutcome.PendingCondition(JsonFields.text(c, "bidder"), JsonFields.text(c, "condition"),
                        JsonFields.list(c, "categories", x -> JsonFields.text(wrap(x), "id")),
                        JsonFields.list(c, "requiredBands", x -> JsonFields.text(wrap(x), "id")),
                        JsonFields.text(c, "minMhz")));
        Map<String, Integer> unsold = new TreeMap<>();
        JsonNode listed = JsonFields.object(o, "unsold");
        for (String category : listed.propertyNames()) {
            unsold.put(category, JsonFields.integer(listed, category));
        }
        PreBidOutcome.Status status;
        try {
            status = PreBidOutcome.Status.valueOf(JsonFields.text(o, "status"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status is not a status of a sealed stage: " + o.get("status"));
        }
        return new PreBidOutcome(JsonFields.text(o, "stage"), status, awards, escalations, exclusions, pending,
                unsold, Money.of(JsonFields.whole(o, "revenue")));
    }

    private static ReasonCode reason(String name) {
        try {
            return ReasonCode.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("reason " + name + " is not a reason code");
        }
    }

    /** A list item as the field {@code id} of an object, so that the strict readers name it. */
    private static JsonNode wrap(JsonNode item) {
        return object().set("id", item);
    }

    /**
     * The outcome ({@code ngms-outcome/1}) of an auction whose allocation was decided at a sealed stage at reserve,
     * naming the auction and the directive version (id, version, SHA-256 of its canonical document) it ran under.
     */
    public static ObjectNode outcome(String auction, String directiveId, int directiveVersion, String directiveSha256,
                                     PolicyDirective d, PreBidOutcome r) {
        ObjectNode o = object().put("format", "ngms-outcome/1").put("auction", auction)
                .put("currency", d.currency().auction());
        o.putObject("directive").put("id", directiveId).put("version", directiveVersion)
                .put("sha256", directiveSha256);
        Map<String, Map<String, Integer>> lots = new TreeMap<>();
        Map<String, Money> prices = new TreeMap<>();
        Map<String, ArrayNode> lotIds = new TreeMap<>();
        Mhz sold = Mhz.ZERO;
        for (PreBidOutcome.Award a : r.awards()) {
            lots.computeIfAbsent(a.bidder(), b -> new TreeMap<>()).merge(a.category(), a.blocks(), Integer::sum);
            prices.merge(a.bidder(), a.total(), Money::plus);
            ArrayNode ids = lotIds.computeIfAbsent(a.bidder(), b -> object().arrayNode());
            a.lotIds().forEach(ids::add);
            sold = sold.plus(counted(d, a.category()).times(a.blocks()));
        }
        ArrayNode winners = o.putArray("winners");
        for (var entry : lots.entrySet()) {
            ObjectNode w = winners.addObject().put("bidder", entry.getKey());
            ObjectNode l = w.putObject("lots");
            entry.getValue().forEach(l::put);
            w.set("lotIds", lotIds.get(entry.getKey()));
            Money price = prices.get(entry.getKey());
            w.put("price", price.amount());
            w.set("payments", paymentPlans(d, price));
        }
        ObjectNode unsold = o.putObject("unsold");
        r.unsold().forEach((category, blocks) -> {
            if (blocks > 0) {
                unsold.put(category, blocks);
            }
        });
        o.put("revenue", r.revenue().amount());
        Mhz offered = Mhz.ZERO;
        for (LotCategory c : d.lotCategories()) {
            offered = offered.plus(counted(d, c.id()).times(c.blocks()));
        }
        o.put("mhzSold", sold.toString()).put("mhzOffered", offered.toString());
        long soldBasisPoints = offered.khz() == 0 ? 0 : Math.floorDiv(sold.khz() * 10_000, offered.khz());
        d.successCriterion().ifPresent(s -> o.putObject("successCriterion")
                .put("minSoldPercentOfMhz", s.minSoldPercentOfMhz().toString())
                .put("soldPercentOfMhz", Decimals.format(soldBasisPoints, 2))
                .put("met", soldBasisPoints >= s.minSoldPercentOfMhz().basisPoints()));
        return o;
    }

    /**
     * A winner's payment schedules: one per payment option of the directive, with the upfront amount, the
     * instalments (exact whole units that add up to the price) and the interest rule. Amounts are in the auction's
     * currency ({@code currency}); where the directive has payment made in another, {@code paidIn} names it and the
     * exchange-rate rule that converts them (2026: USD amounts paid in PKR at the NBP TT selling rate of the business
     * day before the auction).
     */
    public static ArrayNode paymentPlans(PolicyDirective d, Money price) {
        ArrayNode plans = object().arrayNode();
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
            // the amounts are in the auction's currency; where payment is in another, the directive's rule converts
            p.put("currency", d.currency().auction());
            if (!d.currency().payment().equals(d.currency().auction())) {
                ObjectNode paid = p.putObject("paidIn").put("currency", d.currency().payment());
                d.currency().exchangeRate().ifPresent(rate -> paid.put("rate", rate.rule().name())
                        .put("fixing", rate.fixing().name()));
            }
        }
        return plans;
    }

    /** The MHz one block of a category counts, as the directive counts spectrum. */
    private static Mhz counted(PolicyDirective d, String categoryId) {
        LotCategory c = d.lotCategory(categoryId).orElseThrow();
        Band band = d.band(c.band()).orElseThrow();
        return d.spectrumCounting().count(c.blockMhz(), band.duplex());
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
