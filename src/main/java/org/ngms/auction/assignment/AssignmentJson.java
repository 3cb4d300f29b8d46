package org.ngms.auction.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ngms.auction.clock.ClockOutcome;
import org.ngms.auction.outcome.ClockOutcomeJson;
import org.ngms.auction.outcome.OutcomeJson;
import org.ngms.directive.PolicyDirective;
import org.ngms.shared.FrequencyRange;
import org.ngms.shared.JsonFields;
import org.ngms.shared.Mhz;
import org.ngms.shared.Money;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of an assignment stage's result and of an outcome with frequencies: frequencies as exact "FROM-TO" MHz
 * text (downlink and uplink for FDD, range for TDD), money as whole units. Plain code, shared by the service and
 * the offline verifier.
 */
public final class AssignmentJson {

    private AssignmentJson() {
    }

    /** The stage result: per market its winners' frequencies and prices, the unsold ranges; the clock's own result. */
    public static ObjectNode stageResult(FrequencyAssignment a, Optional<ClockOutcome> clock) {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("stage", a.stage()).put("status", "DECIDED")
                .put("rounds", a.rounds());
        ArrayNode markets = o.putArray("markets");
        for (FrequencyAssignment.Market m : a.markets()) {
            ObjectNode market = markets.addObject().put("market", m.id());
            ArrayNode categories = market.putArray("categories");
            m.categories().forEach(categories::add);
            ArrayNode assigned = market.putArray("assigned");
            m.assigned().forEach(x -> assigned.add(assigned(x)));
            ArrayNode unsold = market.putArray("unsold");
            m.unsold().forEach(r -> unsold.add(text(r)));
        }
        ObjectNode prices = o.putObject("pricePerBidder");
        a.pricePerBidder().forEach(prices::put);
        o.put("revenue", a.revenue());
        clock.ifPresent(c -> o.set("clock", ClockOutcomeJson.clockResult(c)));
        return o;
    }

    /**
     * A sealed round's result: the frequencies and core prices when every market is proven and priced (status
     * DECIDED), else status NOT_PRICED; and per market its certificate: the solve's status, value and bound, the method
     * that proved it and the one that found it, the winning bids, the VCG and the core payments.
     */
    public static ObjectNode sealedResult(String stage, SealedAssignments.Decision decision) {
        ObjectNode o = decision.assignment().map(a -> stageResult(a, Optional.empty()))
                .orElseGet(() -> JsonNodeFactory.instance.objectNode().put("stage", stage)
                        .put("status", "NOT_PRICED").put("rounds", 1));
        ArrayNode certificates = o.putArray("certificates");
        for (SealedAssignments.Certificate c : decision.certificates()) {
            ObjectNode x = certificates.addObject().put("market", c.market()).put("status", c.status())
                    .put("value", c.value()).put("bound", c.bound()).put("proven", c.proven())
                    .put("method", c.method()).put("foundBy", c.foundBy()).put("nodes", c.nodes());
            ObjectNode winning = x.putObject("winningBids");
            new java.util.TreeMap<>(c.winningBids()).forEach(winning::put);
            ObjectNode vcg = x.putObject("vcg");
            new java.util.TreeMap<>(c.vcg()).forEach(vcg::put);
            ObjectNode core = x.putObject("core");
            new java.util.TreeMap<>(c.core()).forEach(core::put);
            c.notPriced().ifPresent(n -> x.put("notPriced", n));
        }
        return o;
    }

    private static ObjectNode assigned(FrequencyAssignment.Assigned x) {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("bidder", x.bidder()).put("position", x.position())
                .put("blocks", x.blocks()).put("firstBlock", x.firstBlock());
        if (x.uplink().isPresent()) {
            o.put("downlink", text(x.downlink())).put("uplink", text(x.uplink().get()));
        } else {
            o.put("range", text(x.downlink()));
        }
        return o.put("price", x.price());
    }

    /** "FROM-TO" in MHz, exact (kHz precision, no trailing zeros). */
    public static String text(FrequencyRange r) {
        return new Mhz(r.fromKhz()) + "-" + new Mhz(r.toKhz());
    }

    /**
     * The outcome the allocation alone would have published, from the recorded results of the stages before the
     * assignment: a clock's awards with any sealed awards at reserve, or the last sealed stage's at reserve when no
     * clock ran (an escalation that was not needed).
     */
    public static ObjectNode allocationOutcome(String auction, String directiveId, int directiveVersion,
                                               String directiveSha256, PolicyDirective d,
                                               List<org.ngms.auction.sealed.PreBidOutcome> sealed,
                                               List<ClockOutcome.Award> clockAwards, boolean clockRan) {
        return clockRan || sealed.isEmpty()
                ? ClockOutcomeJson.outcome(auction, directiveId, directiveVersion, directiveSha256, d, sealed,
                        clockAwards)
                : OutcomeJson.outcome(auction, directiveId, directiveVersion, directiveSha256, d,
                        sealed.get(sealed.size() - 1));
    }

    /**
     * The outcome of an auction whose allocation ({@code allocation}, an {@code ngms-outcome/1} document) was
     * followed by assignment stages ({@code stages}, in the order they ran): each winner's price becomes its
     * allocation price plus its assignment prices, with its frequencies per category and its payment schedules on the
     * total; the revenue adds allocation and assignment; {@code assignments} lists the stages with their rounds.
     */
    public static ObjectNode outcome(PolicyDirective d, ObjectNode allocation, List<FrequencyAssignment> stages) {
        ObjectNode o = allocation.deepCopy();
        Map<String, Long> assignmentPrices = new java.util.TreeMap<>();
        long assignmentRevenue = 0;
        for (FrequencyAssignment a : stages) {
            a.pricePerBidder().forEach((bidder, price) -> assignmentPrices.merge(bidder, price, Math::addExact));
            assignmentRevenue = Math.addExact(assignmentRevenue, a.revenue());
        }
        for (JsonNode w : JsonFields.list(o, "winners", x -> x)) {
            ObjectNode winner = (ObjectNode) w;
            String bidder = JsonFields.text(winner, "bidder");
            long allocationPrice = JsonFields.whole(winner, "price");
            long assignmentPrice = assignmentPrices.getOrDefault(bidder, 0L);
            long total = Math.addExact(allocationPrice, assignmentPrice);
            ArrayNode frequencies = JsonNodeFactory.instance.arrayNode();
            for (FrequencyAssignment a : stages) {
                for (FrequencyAssignment.Market m : a.markets()) {
                    for (String category : m.categories()) {
                        m.assigned().stream().filter(x -> x.bidder().equals(bidder))
                                .forEach(x -> frequencies.add(assigned(x).put("category", category)));
                    }
                }
            }
            ObjectNode rebuilt = JsonNodeFactory.instance.objectNode();
            winner.properties().forEach(e -> {
                if (e.getKey().equals("price")) {
                    rebuilt.put("allocationPrice", allocationPrice).put("assignmentPrice", assignmentPrice)
                            .put("price", total);
                } else if (e.getKey().equals("payments")) {
                    rebuilt.set("frequencies", frequencies);
                    rebuilt.set("payments", OutcomeJson.paymentPlans(d, Money.of(total)));
                } else {
                    rebuilt.set(e.getKey(), e.getValue());
                }
            });
            winner.removeAll();
            winner.setAll(rebuilt);
        }
        long allocationRevenue = JsonFields.whole(o, "revenue");
        ObjectNode rebuilt = JsonNodeFactory.instance.objectNode();
        List<String> names = new ArrayList<>();
        o.propertyNames().forEach(names::add);
        for (String name : names) {
            if (name.equals("revenue")) {
                rebuilt.put("allocationRevenue", allocationRevenue).put("assignmentRevenue", assignmentRevenue)
                        .put("revenue", Math.addExact(allocationRevenue, assignmentRevenue));
            } else {
                rebuilt.set(name, o.get(name));
            }
        }
        ArrayNode list = rebuilt.putArray("assignments");
        stages.forEach(a -> list.addObject().put("stage", a.stage()).put("rounds", a.rounds()));
        return rebuilt;
    }

    /** The outcome after a single assignment stage. */
    public static ObjectNode outcome(PolicyDirective d, ObjectNode allocation, FrequencyAssignment a) {
        return outcome(d, allocation, List.of(a));
    }

    /**
     * A recorded {@link #stageResult} (or a DECIDED {@link #sealedResult}) read back, strictly: how a later
     * assignment stage's outcome takes an earlier one's frequencies and prices.
     */
    public static FrequencyAssignment readStageResult(JsonNode result) {
        List<FrequencyAssignment.Market> markets = JsonFields.list(result, "markets", m -> {
            List<String> categories = JsonFields.list(m, "categories", c -> c.asString());
            List<FrequencyAssignment.Assigned> assigned = JsonFields.list(m, "assigned", x -> {
                boolean fdd = x.has("downlink");
                FrequencyRange downlink = FrequencyRange.parse(JsonFields.text(x, fdd ? "downlink" : "range"));
                Optional<FrequencyRange> uplink = fdd ? Optional.of(FrequencyRange.parse(JsonFields.text(x, "uplink")))
                        : Optional.empty();
                return new FrequencyAssignment.Assigned(JsonFields.text(x, "bidder"), JsonFields.text(x, "position"),
                        JsonFields.integer(x, "blocks"), JsonFields.integer(x, "firstBlock"), downlink, uplink,
                        JsonFields.whole(x, "price"));
            });
            List<FrequencyRange> unsold = JsonFields.list(m, "unsold", u -> FrequencyRange.parse(u.asString()));
            return new FrequencyAssignment.Market(JsonFields.text(m, "market"), categories, assigned, unsold);
        });
        return new FrequencyAssignment(JsonFields.text(result, "stage"), JsonFields.integer(result, "rounds"),
                markets);
    }
}
