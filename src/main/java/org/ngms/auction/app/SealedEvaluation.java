package org.ngms.auction.app;

import org.ngms.shared.Refused;
import org.ngms.auction.ReasonCode;
import org.ngms.shared.CommonReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ngms.auction.Auction;
import org.ngms.auction.Bidder;
import org.ngms.auction.sealed.DemandOffer;
import org.ngms.auction.sealed.PackageBid;
import org.ngms.auction.sealed.PackageOffer;
import org.ngms.auction.sealed.PreBidOffers;
import org.ngms.auction.sealed.PackageOutcome;
import org.ngms.auction.sealed.PreBidOutcome;
import org.ngms.auction.sealed.SealedPackageRound;
import org.ngms.auction.outcome.ClockOutcomeJson;
import org.ngms.auction.outcome.Outcome;
import org.ngms.auction.outcome.PackageResultJson;
import org.ngms.auction.sealed.SealedRules;
import org.ngms.auction.app.SealedBidService.OpenedBid;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Stage;
import org.ngms.shared.DocumentReader;
import org.ngms.shared.Money;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Between the service and the sealed-stage rules: reads a submitted bid body (every malformed field named at once),
 * asks the rules whether the bidder may make it, and turns a stage's evaluation into the JSON of its result and,
 * when the stage decides everything, of the auction's outcome.
 */
@Component
public class SealedEvaluation {

    /** How long winner determination of a sealed package round may run before it is reported unproven. */
    static final java.time.Duration PACKAGE_TIME_LIMIT = SealedPackageRound.SERVICE_TIME_LIMIT;

    private final OutcomeWriter outcomes;

    public SealedEvaluation(OutcomeWriter outcomes) {
        this.outcomes = outcomes;
    }

    /** A stage's evaluation: its result, where over-demanded products go next, or the outcome if all is decided. */
    public record Result(ObjectNode stageResult, Optional<String> escalateTo, Optional<ObjectNode> outcome) {
    }

    /** The normalised bid to seal, or a 422 naming the field or the rule broken. */
    public JsonNode validate(PolicyDirective d, Stage stage, Bidder bidder, JsonNode body) {
        if (stage instanceof Stage.SealedDemandAtReserve demandStage) {
            DemandOffer offer = new DemandOffer(bidder.id(), readDemand(body));
            DemandOffer valid = AuctionService.orThrow(SealedRules.checkOffer(d, demandStage, bidder, offer));
            ObjectNode normalised = org.ngms.shared.JsonFields.object();
            ObjectNode demand = normalised.putObject("demand");
            new TreeMap<>(valid.demand()).forEach(demand::put);
            return normalised;
        }
        if (stage instanceof Stage.SealedPackage packageStage) {
            PackageOffer offer = new PackageOffer(bidder.id(), readPackages(body));
            PackageOffer valid = AuctionService.orThrow(SealedRules.checkPackages(d, packageStage, bidder, offer));
            return packagesJson(valid);
        }
        throw new Refused(ReasonCode.NOT_A_SEALED_STAGE, "Not a sealed stage",
                "stage " + stage.id() + " is a " + stage.type() + " stage and takes no sealed bids");
    }

    private static Map<String, Integer> readDemand(JsonNode body) {
        DocumentReader reader = new DocumentReader();
        DocumentReader.Fields root = reader.root(body);
        Map<String, Integer> demand = root.counts("demand", 0, 10_000);
        root.build(() -> Boolean.TRUE);
        throwIfViolations(reader);
        return demand;
    }

    private static List<PackageBid> readPackages(JsonNode body) {
        DocumentReader reader = new DocumentReader();
        DocumentReader.Fields root = reader.root(body);
        List<PackageBid> bids = root.list("packages", true, p -> {
            String id = p.id("id");
            Map<String, Integer> lots = p.counts("lots", 0, 10_000);
            Money amount = p.money("amount");
            return p.build(() -> new PackageBid(id, lots, amount));
        });
        root.build(() -> Boolean.TRUE);
        throwIfViolations(reader);
        return bids;
    }

    private static void throwIfViolations(DocumentReader reader) {
        if (reader.hasViolations()) {
            throw new Refused(CommonReason.REQUEST_INVALID, "Invalid bid",
                    reader.violations().size() + " field(s) invalid; see errors", reader.violations());
        }
    }

    private static ObjectNode packagesJson(PackageOffer offer) {
        ObjectNode o = org.ngms.shared.JsonFields.object();
        var packages = o.putArray("packages");
        for (PackageBid bid : offer.bids()) {
            ObjectNode p = packages.addObject().put("id", bid.id()).put("amount", bid.amount().amount());
            ObjectNode lots = p.putObject("lots");
            new TreeMap<>(bid.lots()).forEach(lots::put);
        }
        return o;
    }

    /** Evaluates a closed sealed stage from its opened bids. */
    public Result evaluate(Auction auction, PolicyDirective d, Stage stage, List<Bidder> bidders,
                           List<OpenedBid> opened, byte[] seed) {
        List<Bidder> qualified = bidders.stream().filter(b -> b.status() == Bidder.Status.QUALIFIED).toList();
        if (stage instanceof Stage.SealedDemandAtReserve demandStage) {
            List<DemandOffer> offers = new ArrayList<>();
            for (OpenedBid bid : opened) {
                Map<String, Integer> demand = new TreeMap<>();
                bid.content().bid().path("demand").properties()
                        .forEach(e -> demand.put(e.getKey(), e.getValue().intValue()));
                offers.add(new DemandOffer(bid.bidder(), demand));
            }
            PreBidOutcome result = PreBidOffers.evaluate(d, demandStage, qualified, offers, seed);
            ObjectNode json = outcomes.preBidResult(result);
            Optional<String> escalateTo = result.status() == PreBidOutcome.Status.ESCALATED
                    ? result.escalations().stream().flatMap(e -> e.toStage().stream()).findFirst()
                    : Optional.empty();
            Optional<ObjectNode> outcome = result.status() == PreBidOutcome.Status.DECIDED
                    ? Optional.of(outcomes.outcome(auction, d, result))
                    : Optional.empty();
            return new Result(json, escalateTo, outcome);
        }
        if (stage instanceof Stage.SealedPackage packageStage) {
            List<PackageOffer> offers = new ArrayList<>();
            for (OpenedBid bid : opened) {
                List<PackageBid> bids = new ArrayList<>();
                bid.content().bid().path("packages").forEach(p -> {
                    Map<String, Integer> lots = new TreeMap<>();
                    p.path("lots").properties().forEach(e -> lots.put(e.getKey(), e.getValue().intValue()));
                    bids.add(new PackageBid(p.get("id").asString(), lots, Money.of(p.get("amount").longValue())));
                });
                offers.add(new PackageOffer(bid.bidder(), bids));
            }
            PackageOutcome result = SealedPackageRound.evaluate(d, packageStage, qualified, offers, seed,
                    PACKAGE_TIME_LIMIT);
            Optional<ObjectNode> outcome = result.status() == PackageOutcome.Status.PRICED
                    ? Optional.of(ClockOutcomeJson.outcomeOf(auction.id().toString(), auction.directiveId(),
                            auction.directiveVersion(), auction.directiveSha256(), d, Outcome.wins(result)))
                    : Optional.empty();
            return new Result(PackageResultJson.packageResult(result), Optional.empty(), outcome);
        }
        throw new IllegalStateException("stage " + stage.id() + " of type " + stage.type()
                + " is not evaluated from sealed bids");
    }
}
