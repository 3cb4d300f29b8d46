package org.ngms.optimiser.rationalisation;

import java.util.List;

/**
 * The production rationalisation: OptaPlanner finds a plan, and the exhaustive search, told the plan's objective,
 * always certifies it. When the search finishes, the answer is proven and is the tie rule's plan among the optimal
 * ones: OptaPlanner's own when it is that plan, otherwise the search's, and {@code method} says which and why (a
 * better objective, or an equally good plan earlier in the tie order). When the search stops at its node budget,
 * the answer is the better of the two plans, with the bound the search reached.
 */
public final class CertifiedRationalisation implements BandRationalisation {

    private final HeuristicRationalisation heuristic = new HeuristicRationalisation();
    private final ExhaustiveRationalisation exhaustive;
    private final long nodeBudget;

    public CertifiedRationalisation() {
        this(ExhaustiveRationalisation.DEFAULT_NODE_BUDGET);
    }

    public CertifiedRationalisation(long nodeBudget) {
        this.exhaustive = new ExhaustiveRationalisation(nodeBudget);
        this.nodeBudget = nodeBudget;
    }

    @Override
    public Rationalisation rationalise(BandHoldings band) {
        List<Holder> found = heuristic.plan(band);
        ExhaustiveRationalisation.Outcome outcome = exhaustive.search(band, List.of(found));
        return Rationalisation.of(band, outcome.plan(), outcome.bound(), method(band, found, outcome),
                outcome.nodes());
    }

    private String method(BandHoldings band, List<Holder> found, ExhaustiveRationalisation.Outcome outcome) {
        String certificate = outcome.complete() ? "proven optimal by " + ExhaustiveRationalisation.METHOD
                : "not proven: " + ExhaustiveRationalisation.METHOD + outcome.budgetNote(nodeBudget);
        if (outcome.plan().equals(found)) {
            return HeuristicRationalisation.METHOD + ", " + certificate;
        }
        Objective foundObjective = Objective.of(band, found);
        String why = outcome.objective().isBetterThan(foundObjective)
                ? "better than " + HeuristicRationalisation.METHOD + "'s " + foundObjective
                : "as good as " + HeuristicRationalisation.METHOD + "'s plan and first in the tie order";
        return ExhaustiveRationalisation.METHOD + " (" + why + "), " + certificate;
    }
}
