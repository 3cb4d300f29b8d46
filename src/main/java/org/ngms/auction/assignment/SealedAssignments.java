package org.ngms.auction.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.ngms.optimiser.assignment.AssignmentInstance;
import org.ngms.optimiser.assignment.AssignmentOption;
import org.ngms.optimiser.assignment.AssignmentResult;
import org.ngms.optimiser.assignment.ExhaustiveAssignment;
import org.ngms.optimiser.assignment.MarketWinner;
import org.ngms.optimiser.assignment.PlannedAssignment;
import org.ngms.pricing.AssignmentPrices;
import org.ngms.pricing.PaymentRule;
import org.ngms.pricing.PricingOutcome;

/**
 * A sealed assignment round (FCC Auctions 107/110, Ofcom, ISED) decided market by market, in the markets' order:
 * winner determination picks, for every winner, one of its options with no block used twice, maximising the sum of
 * the winners' bids on the chosen options (no bid is 0); ties go by the seeded rule of
 * {@link org.ngms.optimiser.assignment.AssignmentTieRule}. OptaPlanner searches and the exhaustive method certifies:
 * a market is decided only when its assignment is proven optimal, and only then priced, at Vickrey-nearest core
 * prices (the minimum-revenue core, then the point nearest to VCG), in whole units.
 */
public final class SealedAssignments {

    private SealedAssignments() {
    }

    /** The certificate of a market: what the solve proved, and the VCG and core payments per winner. */
    public record Certificate(String market, String status, long value, long bound, boolean proven, String method,
                              String foundBy, long nodes, Map<String, Long> winningBids, Map<String, Long> vcg,
                              Map<String, Long> core, Optional<String> notPriced) {
        public Certificate {
            Objects.requireNonNull(market, "market");
            winningBids = Map.copyOf(new TreeMap<>(winningBids));
            vcg = Map.copyOf(new TreeMap<>(vcg));
            core = Map.copyOf(new TreeMap<>(core));
            Objects.requireNonNull(notPriced, "notPriced");
        }

        public boolean priced() {
            return notPriced.isEmpty();
        }
    }

    /** The frequencies and prices, when every market is proven and priced; the certificates either way. */
    public record Decision(Optional<FrequencyAssignment> assignment, List<Certificate> certificates) {
        public Decision {
            Objects.requireNonNull(assignment, "assignment");
            certificates = List.copyOf(certificates);
        }
    }

    /** The tie-number context of a market: HMAC-SHA-256(seed, context/bidder/option) per option. */
    public static String tieContext(String stage, String market) {
        return "assignment/" + stage + "/market/" + market;
    }

    /**
     * @param bids per bidder, per market, per option id: the amounts of the opened bids
     */
    public static Decision decide(String stage, List<AssignmentMarket> markets,
                                  Map<String, Map<String, Map<String, Long>>> bids, byte[] seed) {
        ExhaustiveAssignment exact = new ExhaustiveAssignment();
        PlannedAssignment planned = new PlannedAssignment(exact);
        AssignmentPrices prices = new AssignmentPrices(exact);
        List<FrequencyAssignment.Market> decided = new ArrayList<>();
        List<Certificate> certificates = new ArrayList<>();
        boolean complete = true;
        for (AssignmentMarket m : markets) {
            Map<String, List<AssignmentOptions.Option>> options = AssignmentOptions.of(m);
            List<MarketWinner> winners = new ArrayList<>();
            options.forEach((bidder, own) -> winners.add(new MarketWinner(bidder, m.winners().get(bidder),
                    own.stream().map(o -> new AssignmentOption(o.id(), o.blockIndices())).toList())));
            Map<String, Map<String, Long>> marketBids = new TreeMap<>();
            bids.forEach((bidder, perMarket) -> {
                Map<String, Long> own = perMarket.get(m.id());
                if (own != null && !own.isEmpty()) {
                    marketBids.put(bidder, own);
                }
            });
            AssignmentInstance instance = new AssignmentInstance(
                    new org.ngms.optimiser.assignment.AssignmentMarket(m.id(), m.blocks().size(), winners),
                    marketBids, seed, tieContext(stage, m.id()));
            AssignmentResult result = planned.solve(instance);
            Map<String, Long> winning = new TreeMap<>();
            result.chosen().forEach((bidder, option) -> winning.put(bidder, instance.amount(bidder, option)));
            PricingOutcome vcg = prices.price(PaymentRule.VCG, instance, result);
            PricingOutcome core = prices.price(PaymentRule.CORE_NEAREST_VCG, instance, result);
            Map<String, Long> vcgPayments = payments(vcg);
            Map<String, Long> corePayments = payments(core);
            Optional<String> notPriced = core instanceof PricingOutcome.NotPriced n
                    ? Optional.of(n.status() + ": " + n.detail()) : Optional.empty();
            certificates.add(new Certificate(m.id(), result.status().name(), result.value(), result.bound(),
                    result.provenOptimal(), result.method(), result.foundBy(), result.nodes(), winning, vcgPayments,
                    corePayments, notPriced));
            if (notPriced.isPresent()) {
                complete = false;
                continue;
            }
            List<FrequencyAssignment.Assigned> assigned = new ArrayList<>();
            List<Boolean> used = new ArrayList<>();
            m.blocks().forEach(b -> used.add(false));
            for (Map.Entry<String, String> choice : new TreeMap<>(result.chosen()).entrySet()) {
                AssignmentOptions.Option o = options.get(choice.getKey()).stream()
                        .filter(x -> x.id().equals(choice.getValue())).findFirst().orElseThrow();
                o.blockIndices().forEach(b -> used.set(b, true));
                assigned.add(new FrequencyAssignment.Assigned(choice.getKey(), o.id(), o.blocks(), o.firstBlock(),
                        o.range(), m.uplinkOffsetKhz() == 0 ? Optional.empty()
                        : Optional.of(new org.ngms.shared.FrequencyRange(o.range().fromKhz() + m.uplinkOffsetKhz(),
                                o.range().toKhz() + m.uplinkOffsetKhz())),
                        corePayments.getOrDefault(choice.getKey(), 0L)));
            }
            assigned.sort(java.util.Comparator.comparingInt(FrequencyAssignment.Assigned::firstBlock));
            decided.add(new FrequencyAssignment.Market(m.id(), m.categories(), assigned, unsold(m, used)));
        }
        return new Decision(complete ? Optional.of(new FrequencyAssignment(stage, 1, decided)) : Optional.empty(),
                certificates);
    }

    private static Map<String, Long> payments(PricingOutcome outcome) {
        Map<String, Long> payments = new TreeMap<>();
        if (outcome instanceof PricingOutcome.Priced p) {
            p.payments().forEach(x -> payments.put(x.bidder(), x.amount()));
        }
        return payments;
    }

    /** The unassigned blocks as maximal ranges of adjacent blocks. */
    private static List<org.ngms.shared.FrequencyRange> unsold(AssignmentMarket m, List<Boolean> used) {
        List<org.ngms.shared.FrequencyRange> ranges = new ArrayList<>();
        int b = 0;
        while (b < used.size()) {
            if (used.get(b)) {
                b++;
                continue;
            }
            int from = b;
            while (b < used.size() && !used.get(b) && m.segmentOf().get(b).equals(m.segmentOf().get(from))) {
                b++;
            }
            ranges.add(m.range(from, b - from));
        }
        return ranges;
    }
}
