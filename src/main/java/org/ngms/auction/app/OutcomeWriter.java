package org.ngms.auction.app;

import java.util.Map;
import java.util.TreeMap;

import org.ngms.audit.app.AuditTrail;
import org.ngms.auction.Auction;
import org.ngms.auction.sealed.PreBidOutcome;
import org.ngms.directive.Band;
import org.ngms.directive.LotCategory;
import org.ngms.directive.PolicyDirective;
import org.ngms.shared.Decimals;
import org.ngms.shared.Mhz;
import org.ngms.shared.Money;
import org.springframework.stereotype.Component;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of stage results and outcomes, as recorded in the transcript and served by the API: money as whole units
 * of the auction currency, spectrum as exact decimal MHz text.
 */
@Component
public class OutcomeWriter {

    private final PaymentsWriter payments;

    public OutcomeWriter(PaymentsWriter payments) {
        this.payments = payments;
    }

    public ObjectNode preBidResult(PreBidOutcome r) {
        ObjectNode o = AuditTrail.object().put("stage", r.stage()).put("status", r.status().name());
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
        r.pendingConditions().forEach(p -> pending.addObject().put("bidder", p.bidder()).put("condition", p.condition())
                .put("minMhz", p.minMhz()));
        ObjectNode unsold = o.putObject("unsold");
        r.unsold().forEach(unsold::put);
        o.put("revenue", r.revenue().amount());
        return o;
    }

    /** The outcome of an auction whose allocation was decided at a sealed stage at reserve. */
    public ObjectNode outcome(Auction auction, PolicyDirective d, PreBidOutcome r) {
        ObjectNode o = AuditTrail.object().put("format", "ngms-outcome/1").put("auction", auction.id().toString())
                .put("currency", d.currency().auction());
        o.putObject("directive").put("id", auction.directiveId()).put("version", auction.directiveVersion())
                .put("sha256", auction.directiveSha256());
        Map<String, Map<String, Integer>> lots = new TreeMap<>();
        Map<String, Money> prices = new TreeMap<>();
        Map<String, ArrayNode> lotIds = new TreeMap<>();
        Mhz sold = Mhz.ZERO;
        for (PreBidOutcome.Award a : r.awards()) {
            lots.computeIfAbsent(a.bidder(), b -> new TreeMap<>()).merge(a.category(), a.blocks(), Integer::sum);
            prices.merge(a.bidder(), a.total(), Money::plus);
            ArrayNode ids = lotIds.computeIfAbsent(a.bidder(), b -> AuditTrail.object().arrayNode());
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
            w.set("payments", payments.plans(d, price));
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

    /** The MHz one block of a category counts, as the directive counts spectrum. */
    private static Mhz counted(PolicyDirective d, String categoryId) {
        LotCategory c = d.lotCategory(categoryId).orElseThrow();
        Band band = d.band(c.band()).orElseThrow();
        return d.spectrumCounting().count(c.blockMhz(), band.duplex());
    }
}
