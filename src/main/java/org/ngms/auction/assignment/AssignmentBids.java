package org.ngms.auction.assignment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.ngms.auction.ReasonCode;
import org.ngms.shared.DocumentReader;
import org.ngms.shared.JsonFields;
import org.ngms.shared.Money;
import org.ngms.shared.Violation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A winner's bids in a sealed assignment round: an additional amount (0 or more, a multiple of the stage's bid
 * multiple) for any of its options in any market it won in; an option it does not bid on counts 0. Read strictly,
 * checked against the markets, and normalised (sorted by market, then option) before it is sealed.
 */
public final class AssignmentBids {

    private AssignmentBids() {
    }

    public record Bid(String market, String option, Money amount) {
        public Bid {
            Objects.requireNonNull(market, "market");
            Objects.requireNonNull(option, "option");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** {@code {"bids": [{"market", "option", "amount"}]}}, or the violations of its fields. */
    public static List<Bid> read(JsonNode body, List<Violation> violations) {
        DocumentReader reader = new DocumentReader();
        DocumentReader.Fields root = reader.root(body);
        List<Bid> bids = root.list("bids", false, b -> {
            String market = b.string("market");
            String option = b.string("option");
            Money amount = b.money("amount");
            return b.build(() -> new Bid(market, option, amount));
        });
        root.build(() -> Boolean.TRUE);
        violations.addAll(reader.violations());
        return bids;
    }

    /** The rules a bid set breaks, each at its {@code bids[i]} field; empty when it is valid. */
    public static List<Violation> check(List<AssignmentMarket> markets, String bidder, long bidMultiple,
                                        List<Bid> bids) {
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < bids.size(); i++) {
            Bid bid = bids.get(i);
            String at = "bids[" + i + "]";
            Optional<AssignmentMarket> market = markets.stream().filter(m -> m.id().equals(bid.market())).findFirst();
            if (market.isEmpty() || !market.get().winners().containsKey(bidder)) {
                violations.add(Violation.of(at + ".market", ReasonCode.NOT_AN_ASSIGNMENT_WINNER.name(),
                        bidder + " won no blocks in market " + bid.market() + " of this stage", bid.market()));
                continue;
            }
            List<AssignmentOptions.Option> own = AssignmentOptions.of(market.get(), market.get().winners()
                    .get(bidder));
            if (own.stream().noneMatch(o -> o.id().equals(bid.option()))) {
                violations.add(Violation.of(at + ".option", ReasonCode.UNKNOWN_OPTION.name(), bid.option()
                        + " is not one of " + bidder + "'s options in market " + bid.market() + " (GET …/markets)",
                        bid.option()));
            }
            if (bid.amount().amount() % bidMultiple != 0) {
                violations.add(Violation.of(at + ".amount", ReasonCode.NOT_A_BID_MULTIPLE.name(), "amounts are "
                        + "multiples of " + bidMultiple, bid.amount().amount()));
            }
            if (!seen.add(bid.market() + " " + bid.option())) {
                violations.add(Violation.of(at, ReasonCode.DUPLICATE_OPTION_BID.name(), "a second bid for option "
                        + bid.option() + " of market " + bid.market(), bid.option()));
            }
        }
        return violations;
    }

    /** The bid set as it is sealed: per market, per option, the amount; sorted. */
    public static ObjectNode normalised(List<Bid> bids) {
        Map<String, Map<String, Long>> sorted = new TreeMap<>();
        bids.forEach(b -> sorted.computeIfAbsent(b.market(), k -> new TreeMap<>()).put(b.option(),
                b.amount().amount()));
        ObjectNode o = JsonFields.object();
        ArrayNode list = o.putArray("bids");
        sorted.forEach((market, options) -> options.forEach((option, amount) -> list.addObject()
                .put("market", market).put("option", option).put("amount", amount)));
        return o;
    }

    /** A sealed bid set read back after opening: amount per market and option. */
    public static Map<String, Map<String, Long>> amounts(JsonNode normalised) {
        Map<String, Map<String, Long>> amounts = new TreeMap<>();
        for (JsonNode b : JsonFields.list(normalised, "bids", x -> x)) {
            amounts.computeIfAbsent(JsonFields.text(b, "market"), k -> new TreeMap<>())
                    .put(JsonFields.text(b, "option"), JsonFields.whole(b, "amount"));
        }
        return amounts;
    }
}
