package org.ngms.verifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ngms.auction.sealed.PackageOutcome;
import org.ngms.auction.sealed.SealedPackageRound;
import org.ngms.directive.Stage;
import org.ngms.optimiser.Allocation;
import org.ngms.optimiser.Bid;
import org.ngms.optimiser.Bidder;
import org.ngms.optimiser.BruteForceSolver;
import org.ngms.optimiser.Feasibility;
import org.ngms.optimiser.Instance;
import org.ngms.optimiser.TieBreak;
import org.ngms.optimiser.Winner;
import org.ngms.pricing.Pricing;
import org.ngms.pricing.PricingOutcome;
import org.ngms.pricing.ReserveBids;

import tools.jackson.databind.JsonNode;

/**
 * A second, independent exact solve of a sealed package round: the {@link BruteForceSolver} tries every choice of one
 * package or none per bidder, so its optimum does not depend on CP-SAT (which both the service and the verifier's
 * recomputation run). It solves the instance the opened bids make (the objective the round's pricing rule sets: the
 * amounts, or the amounts over reserve for VCG and core), with the seeded tie rule, and prices its allocation with the
 * stage's rule, its sub-solves brute force too. The recorded result must have its optimal value, and, the tie rule
 * being fixed by the seed, its winners and their prices.
 *
 * <p>Only rounds of at most {@link #MAX_CHOICES} choices are solved this way: the count is the product, over bidders,
 * of (packages + 1). Any round of up to 20 package bids qualifies (each bid at most doubles the count), and so does a
 * larger round whose bids are spread over fewer bidders; enumerating a million choices takes well under a second
 * (docs/audit.md, section 6), and pricing repeats it once per winner. A larger round is checked by the CP-SAT
 * recomputation alone, and the verification says so.
 */
final class PackageSecondSolve {

    /** 2^20 choices: every round of up to 20 package bids. */
    static final long MAX_CHOICES = 1L << 20;

    /** The brute-force solve of a round, or only its size when it is too large. */
    record Solved(long choices, Optional<Allocation> allocation, Optional<PricingOutcome> priced, Instance objective) {

        boolean done() {
            return allocation.isPresent();
        }
    }

    private PackageSecondSolve() {
    }

    /** The number of choices of one package or none per bidder, saturating at {@code Long.MAX_VALUE}. */
    static long choices(Instance instance) {
        long choices = 1;
        for (Bidder b : instance.bidders()) {
            long options = b.bids().size() + 1L;
            choices = choices > Long.MAX_VALUE / options ? Long.MAX_VALUE : choices * options;
        }
        return choices;
    }

    /** Solves and prices {@code recomputed}'s instance by brute force when it has at most MAX_CHOICES choices. */
    static Solved solve(Stage.SealedPackage stage, PackageOutcome recomputed, byte[] seed) {
        Instance instance = recomputed.instance();
        Instance objective = recomputed.certificate().objective() == PackageOutcome.Objective.AMOUNTS_OVER_RESERVE
                ? ReserveBids.surplus(instance) : instance;
        long choices = choices(instance);
        if (choices > MAX_CHOICES) {
            return new Solved(choices, Optional.empty(), Optional.empty(), objective);
        }
        BruteForceSolver brute = new BruteForceSolver();
        Allocation allocation = brute.solve(objective, new TieBreak(seed), SealedPackageRound.SERVICE_TIME_LIMIT);
        PricingOutcome priced = new Pricing(brute, SealedPackageRound.SERVICE_TIME_LIMIT)
                .price(SealedPackageRound.paymentRule(stage.pricing()), instance, allocation);
        return new Solved(choices, Optional.of(allocation), Optional.of(priced), objective);
    }

    /**
     * Where the recorded result disagrees with the brute-force solve: its certificate's value against the optimum,
     * what its winners are worth, and (the tie rule decides between optimal allocations) its winners and prices.
     * Empty when they agree. {@code tieRuleComplete} is whether the CP-SAT recomputation carried the tie rule to its
     * end; if not, other optimal winners are not held against the record.
     */
    static List<String> problems(Solved solved, JsonNode recorded, boolean tieRuleComplete) {
        Allocation best = solved.allocation().orElseThrow();
        List<String> problems = new ArrayList<>();
        JsonNode certificate = recorded.path("certificate");
        long claimed = certificate.path("value").asLong(Long.MIN_VALUE);
        boolean proven = certificate.path("provenOptimal").asBoolean(false);
        if (claimed > best.value()) {
            problems.add("the certificate's value " + claimed + " exceeds the optimum " + best.value()
                    + ": no allocation is worth that much");
        } else if (proven && claimed < best.value()) {
            problems.add("the certificate claims " + claimed + " proven optimal, but the optimum is " + best.value());
        }
        Map<String, String> recordedWinners = recordedWinners(recorded);
        Optional<Long> worth = worth(solved.objective(), recordedWinners, problems);
        worth.ifPresent(w -> {
            List<String> broken = Feasibility.brokenRules(solved.objective(), recordedWinners.entrySet().stream()
                    .map(e -> new Winner(e.getKey(), e.getKey() + "." + e.getValue())).toList());
            if (!broken.isEmpty()) {
                problems.add("the recorded winners are not a feasible allocation: " + String.join("; ", broken));
            }
            if (w != claimed) {
                problems.add("the recorded winners are worth " + w + ", not the certificate's value " + claimed);
            }
            if (proven && w < best.value()) {
                problems.add("the recorded winners " + recordedWinners + " are not optimal: they are worth " + w
                        + ", the winners " + winners(best) + " are worth " + best.value());
            }
        });
        boolean sameValue = worth.map(w -> w == best.value()).orElse(false);
        if (proven && sameValue && !recordedWinners.equals(winners(best)) && tieRuleComplete) {
            problems.add("among the optimal allocations the seeded tie rule picks " + winners(best)
                    + ", the recorded winners are " + recordedWinners);
        }
        if (problems.isEmpty() && recordedWinners.equals(winners(best))) {
            prices(solved, recorded, problems);
        }
        return problems;
    }

    /** The recorded winners' prices against the brute-force pricing, when the record and the solve are priced. */
    private static void prices(Solved solved, JsonNode recorded, List<String> problems) {
        if (!(solved.priced().orElseThrow() instanceof PricingOutcome.Priced priced)
                || !"PRICED".equals(recorded.path("status").asString(""))) {
            return;
        }
        for (JsonNode w : recorded.path("winners")) {
            String bidder = w.path("bidder").asString("");
            long price = w.path("price").asLong(Long.MIN_VALUE);
            if (price != priced.paymentOf(bidder)) {
                problems.add(bidder + "'s price: recorded " + w.path("price") + ", priced from the brute-force "
                        + "solves " + priced.paymentOf(bidder));
            }
        }
    }

    /** What the solve found, for the information finding. */
    static String summary(Solved solved) {
        Allocation best = solved.allocation().orElseThrow();
        String prices = solved.priced().orElseThrow() instanceof PricingOutcome.Priced p
                ? ", revenue " + p.revenue() : ", not priced";
        return "optimum " + best.value() + " with winners " + winners(best) + prices;
    }

    /** Bidder to package of the recorded result's winners. */
    private static Map<String, String> recordedWinners(JsonNode recorded) {
        Map<String, String> winners = new TreeMap<>();
        for (JsonNode w : recorded.path("winners")) {
            winners.put(w.path("bidder").asString(""), w.path("package").asString(""));
        }
        return winners;
    }

    /** Bidder to package of an allocation (a bid is named {@code BIDDER.PACKAGE}). */
    private static Map<String, String> winners(Allocation allocation) {
        Map<String, String> winners = new TreeMap<>();
        for (Winner w : allocation.winners()) {
            winners.put(w.bidder(), w.bid().substring(w.bidder().length() + 1));
        }
        return winners;
    }

    /** What the recorded winners' packages are worth in the objective; empty (with a problem) if one is no bid. */
    private static Optional<Long> worth(Instance objective, Map<String, String> winners, List<String> problems) {
        long total = 0;
        for (Map.Entry<String, String> w : winners.entrySet()) {
            String id = w.getKey() + "." + w.getValue();
            Optional<Bid> bid = objective.bidders().stream().filter(b -> b.id().equals(w.getKey()))
                    .flatMap(b -> b.bids().stream()).filter(b -> b.id().equals(id)).findFirst();
            if (bid.isEmpty()) {
                problems.add("recorded winner " + w.getKey() + "'s package " + w.getValue() + " is not a valid bid "
                        + "of the round");
                return Optional.empty();
            }
            total += bid.get().amount();
        }
        return Optional.of(total);
    }
}
