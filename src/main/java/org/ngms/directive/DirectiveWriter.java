package org.ngms.directive;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.ngms.directive.PaymentTerms.PaymentOption;
import org.ngms.shared.FrequencyRange;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a directive as the JSON tree that is canonicalised, hashed and stored: the same field names that
 * {@link DirectiveReader} reads, MHz and percentages as exact decimal text, money as whole numbers, absent options
 * left out. Reading the output gives back an equal directive.
 */
public final class DirectiveWriter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DirectiveWriter() {
    }

    public static ObjectNode write(PolicyDirective d) {
        ObjectNode o = JSON.objectNode();
        o.put("schema", PolicyDirective.SCHEMA);
        o.put("id", d.id());
        o.put("title", d.title());
        o.put("issuer", d.issuer());
        o.put("issued", d.issued().toString());
        o.put("legalBasis", d.legalBasis());
        o.put("reference", d.reference());
        o.put("spectrumCounting", d.spectrumCounting().name());
        o.set("currency", currency(d.currency()));
        o.set("licenceAreas", array(d.licenceAreas(), DirectiveWriter::area));
        o.set("bands", array(d.bands(), DirectiveWriter::band));
        o.set("lotCategories", array(d.lotCategories(), DirectiveWriter::category));
        o.set("setAsides", array(d.setAsides(), DirectiveWriter::setAside));
        o.set("existingHoldings", array(d.existingHoldings(), DirectiveWriter::holding));
        if (!d.bandPlans().isEmpty()) {
            // written only when present, so that directives without band plans keep their hashes
            o.set("bandPlans", array(d.bandPlans(), DirectiveWriter::bandPlan));
        }
        o.set("spectrumCaps", array(d.spectrumCaps(), DirectiveWriter::cap));
        o.set("eligibilityConditions", array(d.eligibilityConditions(), DirectiveWriter::condition));
        o.set("deposit", deposit(d.deposit()));
        o.set("stages", array(d.stages(), DirectiveWriter::stage));
        d.successCriterion().ifPresent(s -> o.set("successCriterion",
                JSON.objectNode().put("minSoldPercentOfMhz", s.minSoldPercentOfMhz().toString())));
        o.set("payment", payment(d.payment()));
        o.set("licence", licence(d.licence()));
        return o;
    }

    private static <T> ArrayNode array(Collection<T> items, Function<T, ObjectNode> writer) {
        ArrayNode array = JSON.arrayNode();
        items.forEach(item -> array.add(writer.apply(item)));
        return array;
    }

    private static ArrayNode strings(Collection<String> items) {
        ArrayNode array = JSON.arrayNode();
        items.forEach(array::add);
        return array;
    }

    private static void range(ObjectNode o, String name, Optional<FrequencyRange> range) {
        range.ifPresent(r -> o.put(name, r.toString()));
    }

    private static ObjectNode currency(CurrencyTerms c) {
        ObjectNode o = JSON.objectNode().put("auction", c.auction()).put("payment", c.payment());
        c.exchangeRate().ifPresent(r -> o.set("exchangeRate",
                JSON.objectNode().put("rule", r.rule().name()).put("fixing", r.fixing().name())));
        return o;
    }

    private static ObjectNode area(LicenceArea a) {
        ObjectNode o = JSON.objectNode().put("id", a.id()).put("name", a.name());
        o.set("regions", strings(a.regions().stream().map(Enum::name).sorted().toList()));
        return o;
    }

    private static ObjectNode band(Band b) {
        ObjectNode o = JSON.objectNode().put("id", b.id()).put("name", b.name()).put("duplex", b.duplex().name());
        range(o, "uplink", b.uplink());
        range(o, "downlink", b.downlink());
        range(o, "range", b.range());
        return o;
    }

    private static ObjectNode category(LotCategory c) {
        ObjectNode o = JSON.objectNode()
                .put("id", c.id())
                .put("name", c.name())
                .put("area", c.area())
                .put("band", c.band())
                .put("blockMhz", c.blockMhz().toString())
                .put("blocks", c.blocks())
                .put("kind", c.kind().name());
        if (!c.specificBlocks().isEmpty()) {
            o.set("specificBlocks", array(c.specificBlocks(), DirectiveWriter::specificBlock));
        }
        c.reservePricePerMhz().ifPresent(p -> o.put("reservePricePerMhz", p.amount()));
        o.put("reservePerBlock", c.reservePerBlock().amount());
        o.put("eligibilityPointsPerBlock", c.eligibilityPointsPerBlock());
        o.put("newEntrantsOnly", c.newEntrantsOnly());
        c.minBlocksPerBidder().ifPresent(min -> o.put("minBlocksPerBidder", min));
        c.maxBlocksPerBidder().ifPresent(max -> o.put("maxBlocksPerBidder", max));
        return o;
    }

    private static ObjectNode bandPlan(BandPlan p) {
        ObjectNode o = JSON.objectNode().put("category", p.category());
        range(o, "range", p.range());
        range(o, "downlink", p.downlink());
        range(o, "uplink", p.uplink());
        o.set("segments", array(p.segments(), s -> {
            ObjectNode segment = JSON.objectNode();
            range(segment, "range", Optional.of(s.range()));
            segment.put("use", s.use().name());
            s.holder().ifPresent(h -> segment.put("holder", h));
            return segment;
        }));
        if (!p.positions().isEmpty()) {
            o.set("positions", strings(p.positions()));
        }
        return o;
    }

    private static ObjectNode specificBlock(SpecificBlock b) {
        ObjectNode o = JSON.objectNode().put("id", b.id());
        range(o, "uplink", b.uplink());
        range(o, "downlink", b.downlink());
        range(o, "range", b.range());
        return o;
    }

    private static ObjectNode setAside(SetAside s) {
        ObjectNode o = JSON.objectNode()
                .put("id", s.id())
                .put("holder", s.holder())
                .put("area", s.area())
                .put("band", s.band())
                .put("mhz", s.mhz().toString());
        range(o, "uplink", s.uplink());
        range(o, "downlink", s.downlink());
        range(o, "range", s.range());
        o.put("basis", s.basis());
        return o;
    }

    private static ObjectNode holding(ExistingHolding h) {
        return JSON.objectNode().put("operator", h.operator()).put("band", h.band()).put("mhz", h.mhz().toString());
    }

    private static ObjectNode cap(SpectrumCap c) {
        ObjectNode o = JSON.objectNode().put("id", c.id());
        o.set("bands", strings(c.bands()));
        return o.put("limitMhz", c.limit().toString()).put("includesExistingHoldings", c.includesExistingHoldings());
    }

    private static ObjectNode condition(EligibilityCondition c) {
        ObjectNode o = JSON.objectNode().put("id", c.id()).put("type", c.type().name())
                .put("appliesTo", c.appliesTo().name());
        o.set("categories", strings(c.categories()));
        if (!c.requiredBands().isEmpty()) {
            o.set("requiredBands", strings(c.requiredBands()));
        }
        c.minMhz().ifPresent(m -> o.put("minMhz", m.toString()));
        c.stage().ifPresent(s -> o.put("stage", s));
        c.minBlocks().ifPresent(m -> o.put("minBlocks", m));
        c.consequence().ifPresent(x -> o.put("consequence", x.name()));
        return o;
    }

    private static ObjectNode deposit(DepositRule d) {
        ObjectNode o = JSON.objectNode().put("basis", d.basis().name());
        d.amount().ifPresent(a -> o.put("amount", a.amount()));
        d.percent().ifPresent(p -> o.put("percent", p.toString()));
        o.put("instrument", d.instrument().name()).put("eligibility", d.eligibility().name());
        o.set("forfeitureOn", strings(d.forfeitureOn().stream().map(Enum::name).toList()));
        return o;
    }

    private static ObjectNode stage(Stage s) {
        ObjectNode o = JSON.objectNode().put("id", s.id()).put("type", s.type().name());
        if (!s.categories().isEmpty()) {
            o.set("categories", strings(s.categories()));
        }
        if (s instanceof Stage.SealedDemandAtReserve sealed) {
            sealed.escalateTo().ifPresent(t -> o.put("escalateTo", t));
            o.put("escalation", sealed.escalation().name());
        } else if (s instanceof Stage.Clock clock) {
            o.put("firstRoundMinutes", clock.firstRoundMinutes()).put("roundMinutes", clock.roundMinutes());
            o.set("increment", increment(clock.increment()));
            o.put("intraRoundBids", clock.intraRoundBids())
                    .put("bidMultiple", clock.bidMultiple().amount())
                    .put("missingBid", clock.missingBid().name())
                    .put("activityRequirementPercent", clock.activityRequirement().toString());
        } else if (s instanceof Stage.Smra smra) {
            o.put("roundMinutes", smra.roundMinutes())
                    .put("minIncrementPercent", smra.minIncrement().toString())
                    .put("maxIncrementPercent", smra.maxIncrement().toString())
                    .put("activityRequirementPercent", smra.activityRequirement().toString())
                    .put("waivers", smra.waivers())
                    .put("withdrawalsAllowed", smra.withdrawalsAllowed())
                    .put("incrementRule", smra.incrementRule().name())
                    .put("activityWeightPercent", smra.activityWeight().toString())
                    .put("bidMultiple", smra.bidMultiple().amount())
                    .put("clickBoxIncrements", smra.clickBoxIncrements());
            if (!smra.activityStages().isEmpty()) {
                o.set("activityStages", array(smra.activityStages(), a -> JSON.objectNode()
                        .put("fromRound", a.fromRound()).put("percent", a.percent().toString())));
            }
            o.put("automaticWaivers", smra.automaticWaivers())
                    .put("withdrawalRounds", smra.withdrawalRounds())
                    .put("interimWithdrawalPercent", smra.interimWithdrawalPayment().toString());
        } else if (s instanceof Stage.SealedPackage sealed) {
            o.put("pricing", sealed.pricing().name()).put("maxPackagesPerBidder", sealed.maxPackagesPerBidder());
        } else if (s instanceof Stage.Assignment assignment) {
            o.put("method", assignment.method().name())
                    .put("openingPrice", assignment.openingPrice().amount())
                    .put("pricing", assignment.pricing().name())
                    .put("bidMultiple", assignment.bidMultiple().amount());
            assignment.clock().ifPresent(c -> {
                o.put("firstRoundMinutes", c.firstRoundMinutes()).put("roundMinutes", c.roundMinutes());
                o.set("increment", increment(c.increment()));
                o.put("unsoldAt", c.unsoldAt().name());
            });
            if (assignment.method() == Stage.AssignmentMethod.SEALED_BIDS) {
                o.put("grouping", assignment.grouping().name());
                assignment.sealedMinutes().ifPresent(m -> o.put("roundMinutes", m));
            }
        }
        return o;
    }

    private static ObjectNode increment(Stage.Increment i) {
        ObjectNode increment = JSON.objectNode().put("basis", i.basis().name());
        i.percent().ifPresent(p -> increment.put("percent", p.toString()));
        i.minPercent().ifPresent(p -> increment.put("minPercent", p.toString()));
        i.maxPercent().ifPresent(p -> increment.put("maxPercent", p.toString()));
        return increment;
    }

    private static ObjectNode payment(PaymentTerms p) {
        ObjectNode o = JSON.objectNode().put("moratoriumMonths", p.moratoriumMonths());
        o.set("options", array(p.options(), DirectiveWriter::paymentOption));
        return o;
    }

    private static ObjectNode paymentOption(PaymentOption p) {
        ObjectNode o = JSON.objectNode().put("id", p.id());
        ObjectNode upfront = o.putObject("upfront").put("percent", p.upfront().percent().toString());
        p.upfront().dueDays().ifPresent(days -> upfront.put("dueDays", days));
        p.upfront().dueMonths().ifPresent(months -> upfront.put("dueMonths", months));
        upfront.put("after", p.upfront().after().name());
        p.instalments().ifPresent(i -> o.putObject("instalments")
                .put("count", i.count())
                .put("intervalMonths", i.intervalMonths())
                .put("firstDueMonths", i.firstDueMonths())
                .put("after", i.after().name()));
        p.interest().ifPresent(i -> o.putObject("interest")
                .put("reference", i.reference().name())
                .put("marginPercent", i.marginPercent().toString()));
        return o;
    }

    private static ObjectNode licence(LicenceTerms l) {
        ObjectNode o = JSON.objectNode()
                .put("termYears", l.termYears())
                .put("technologyNeutral", l.technologyNeutral())
                .put("tradingAllowed", l.tradingAllowed())
                .put("sharingAllowed", l.sharingAllowed());
        o.set("obligations", array(l.obligations(), ob -> {
            ObjectNode x = JSON.objectNode().put("type", ob.type().name()).put("text", ob.text());
            if (!ob.bands().isEmpty()) {
                x.set("bands", strings(ob.bands()));
            }
            return x;
        }));
        return o;
    }

}
