package org.ngms.optimiser.rationalisation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * OptaPlanner on the planning model ({@code solverConfig.xml} beside this class): a late-acceptance local search
 * that reorders the band's row, REPRODUCIBLE with a fixed seed and ended by counts, never by wall time, so a band
 * gives the same plan on every machine. It starts from the better of the band as it is and a packing of whole runs
 * ({@link RunPacking}): from the band as it is, making a split operator whole takes several moves that each retune
 * more without splitting fewer, which the search does not get through. It proves nothing beyond the trivial bound
 * (nothing split, retuned or moved); {@link CertifiedRationalisation} certifies its plan with the exhaustive search.
 *
 * <p>Step counts end the search. They are checked only between steps, and late acceptance can find no acceptable
 * move at all (every move worse than both the current plan and the plan of some steps ago: in a small band, every
 * move from a good plan), so a count of score calculations, {@value #CALCULATIONS_PER_PAIR} per pair of free
 * blocks, also ends it.
 */
public final class HeuristicRationalisation implements BandRationalisation {

    static final String METHOD = "OptaPlanner";

    static final long CALCULATIONS_PER_PAIR = 100;

    private static final SolverConfig CONFIG =
            SolverConfig.createFromXmlResource("org/ngms/optimiser/rationalisation/solverConfig.xml");

    /** One factory per number of free blocks, which fixes the calculation count. */
    private static final Map<Integer, SolverFactory<RationalisationPlan>> FACTORIES = new ConcurrentHashMap<>();

    private static final Objective TRIVIAL_BOUND = new Objective(0, 0, 0);

    @Override
    public Rationalisation rationalise(BandHoldings band) {
        return Rationalisation.of(band, plan(band), TRIVIAL_BOUND, METHOD, 0);
    }

    /** The best plan the search finds; the band as it is when its free blocks have only one holder. */
    List<Holder> plan(BandHoldings band) {
        List<Holder> start = RunPacking.pack(band);
        if (Objective.of(band, band.blocks()).compareTo(Objective.of(band, start)) <= 0) {
            start = band.blocks();
        }
        RationalisationPlan problem = RationalisationMapping.plan(band, start);
        long holdersOfFreeBlocks = problem.getHoldingBlocks().stream().map(HoldingBlock::getHolder).distinct().count();
        if (holdersOfFreeBlocks < 2) {
            return band.blocks();
        }
        RationalisationPlan best = FACTORIES
                .computeIfAbsent(problem.getFreeBlocks().size(), HeuristicRationalisation::factory)
                .buildSolver()
                .solve(problem);
        return RationalisationMapping.after(band, best);
    }

    private static SolverFactory<RationalisationPlan> factory(int freeBlocks) {
        long pairs = (long) freeBlocks * (freeBlocks - 1) / 2;
        return SolverFactory.create(new SolverConfig(CONFIG).withTerminationConfig(
                new TerminationConfig().withScoreCalculationCountLimit(CALCULATIONS_PER_PAIR * Math.max(1, pairs))));
    }
}
