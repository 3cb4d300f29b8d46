package org.ngms.auction.clock.replay;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ngms.auction.AuctionState;
import org.ngms.auction.Bidder;
import org.ngms.auction.Decision;
import org.ngms.auction.Qualification;
import org.ngms.auction.Registration;
import org.ngms.auction.clock.Bid;
import org.ngms.auction.clock.ClockBidder;
import org.ngms.auction.clock.ClockOutcome;
import org.ngms.auction.clock.ClockRound;
import org.ngms.auction.clock.ClockSetup;
import org.ngms.auction.clock.ClockStage;
import org.ngms.auction.clock.RoundPrices;
import org.ngms.directive.LotCategory;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Scenario;
import org.ngms.directive.ScenarioBidder;
import org.ngms.directive.ScenarioLoader;

/**
 * Replays a scenario's clock stage from its bid script through the real stage code: bidders registered and
 * qualified by {@link Registration} and {@link Qualification}, then every round opened, bid and closed by
 * {@link ClockStage}. The {@code replay} command of the service prints the rounds and the outcome.
 */
public final class ClockReplay {

    private static final Instant AT = Instant.EPOCH;

    private ClockReplay() {
    }

    /** The rounds and, when the script runs the stage to its end, the outcome. */
    public record Result(ClockSetup setup, List<ClockRound> rounds, Optional<ClockOutcome> outcome) {
        public Result {
            rounds = List.copyOf(rounds);
        }
    }

    /** Loads {@code directory}'s scenario and its {@code clock-bids.yaml}, and replays them. */
    public static Result run(Path directory) {
        return run(ScenarioLoader.load(directory), ClockScriptReader.read(directory));
    }

    /**
     * Replays {@code script} on {@code scenario}.
     *
     * @throws IllegalArgumentException when the script names another directive, a bidder that does not qualify, or
     *                                  bids in a round after the stage has ended
     */
    public static Result run(Scenario scenario, ClockScript script) {
        PolicyDirective directive = scenario.policy();
        if (!directive.id().equals(script.directive())) {
            throw new IllegalArgumentException("the script is for " + script.directive() + ", the scenario is "
                    + directive.id());
        }
        List<ClockBidder> bidders = new ArrayList<>();
        List<Bidder> registered = new ArrayList<>();
        for (ScenarioBidder b : scenario.bidders()) {
            if (!script.bidders().isEmpty() && !script.bidders().contains(b.id())) {
                continue;
            }
            Bidder bidder = allowed(Registration.register(directive, AuctionState.QUALIFICATION, registered,
                    new Registration.Application(b.id(), b.organisation(), b.newEntrant(), Optional.empty(),
                            b.deposit(), b.requestedDemand()), AT), b.id());
            registered.add(bidder);
            bidders.add(ClockBidder.of(allowed(Qualification.qualify(directive, AuctionState.QUALIFICATION, bidder,
                    AT), b.id())));
        }
        byte[] seed = HexFormat.of().parseHex(script.seedHex());
        // the products the script names, else every product of the stage; each opens at the script's openingPrices
        // entry, else at its reserve (docs/formats/clock.md §7), and an opening price for another product is refused
        List<String> products = script.products().isEmpty()
                ? ClockSetup.fromDirective(directive, script.stage(), bidders, seed).products().stream()
                        .map(org.ngms.auction.clock.ClockProduct::id).toList()
                : script.products();
        for (String product : script.openingPrices().keySet()) {
            if (!products.contains(product)) {
                throw new IllegalArgumentException("openingPrices names " + product + ", which is not a product of "
                        + "stage " + script.stage() + " (" + String.join(", ", products) + ")");
            }
        }
        Map<String, Long> opening = new LinkedHashMap<>();
        for (String product : products) {
            LotCategory c = directive.lotCategory(product).orElseThrow(
                    () -> new IllegalArgumentException("the directive has no lot category " + product));
            opening.put(product, script.openingPrices().getOrDefault(product, c.reservePerBlock().amount()));
        }
        ClockSetup setup = ClockSetup.fromDirective(directive, script.stage(), bidders, products, opening, seed);
        ClockStage stage = ClockStage.start(setup);
        for (ClockScript.Round round : script.rounds()) {
            if (round.round() != stage.nextRound()) {
                throw new IllegalArgumentException("script round " + round.round() + " is out of order; round "
                        + stage.nextRound() + " is next");
            }
            if (stage.ended()) {
                throw new IllegalArgumentException("the script bids in round " + round.round()
                        + " but the stage ended after round " + (round.round() - 1));
            }
            RoundPrices prices = stage.open(Optional.ofNullable(script.increments().get(round.round())))
                    .orElseThrow();
            stage = stage.close(prices, bids(round, prices));
        }
        return new Result(setup, stage.rounds(), stage.outcome());
    }

    /** The bids of one scripted round: each product at its scripted intra-round price, else the clock price. */
    static List<Bid> bids(ClockScript.Round round, RoundPrices prices) {
        List<Bid> bids = new ArrayList<>();
        for (ClockScript.BidderBids b : round.bids()) {
            b.demand().forEach((product, quantity) -> {
                RoundPrices.Prices p = prices.of(product);
                long price = b.prices().getOrDefault(product, p == null ? 0 : p.clockPrice());
                bids.add(new Bid(b.bidder(), product, quantity, price));
            });
        }
        return bids;
    }

    private static <T> T allowed(Decision<T> decision, String bidder) {
        if (decision instanceof Decision.Rejected<T> rejected) {
            throw new IllegalArgumentException("bidder " + bidder + " does not qualify: " + rejected.reason() + ": "
                    + rejected.message());
        }
        return ((Decision.Allowed<T>) decision).value();
    }
}
