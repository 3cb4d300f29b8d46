package org.ngms.optimiser.rationalisation;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ngms.optimiser.rationalisation.Holder.Operator;

/**
 * What a rationalisation minimises, compared level by level (lexicographically), never added up:
 * <ol>
 * <li>{@code nonContiguous}: operators whose blocks are not one run of adjacent blocks;</li>
 * <li>{@code blocksRetuned}: blocks whose new holder is an operator other than the old one (a block left vacant is
 * not retuned: nobody has to move onto it);</li>
 * <li>{@code operatorsMoved}: operators with at least one retuned block.</li>
 * </ol>
 * One fewer operator split beats any saving in retuning, and one block less retuned beats any number of operators
 * moved. The levels are kept apart rather than weighted into one number, so the order is exact by construction; the
 * OptaPlanner model keeps them apart the same way, as the three soft levels of a {@code BendableLongScore}.
 */
public record Objective(int nonContiguous, long blocksRetuned, int operatorsMoved) implements Comparable<Objective> {

    public Objective {
        if (nonContiguous < 0 || blocksRetuned < 0 || operatorsMoved < 0) {
            throw new IllegalArgumentException("objective levels must not be negative: " + nonContiguous + ", "
                    + blocksRetuned + ", " + operatorsMoved);
        }
    }

    /** The objective of {@code after} as a plan for the band {@code before}. */
    public static Objective of(BandHoldings before, List<Holder> after) {
        int nonContiguous = 0;
        for (Map.Entry<Operator, Integer> entry : new BandHoldings(before.band(), before.blockKhz(), after)
                .quantities().entrySet()) {
            int first = after.indexOf(entry.getKey());
            int last = after.lastIndexOf(entry.getKey());
            if (last - first + 1 != entry.getValue()) {
                nonContiguous++;
            }
        }
        long retuned = 0;
        Set<Holder> moved = new HashSet<>();
        for (int i = 0; i < after.size(); i++) {
            Holder holder = after.get(i);
            if (holder instanceof Operator && !holder.equals(before.blocks().get(i))) {
                retuned++;
                moved.add(holder);
            }
        }
        return new Objective(nonContiguous, retuned, moved.size());
    }

    @Override
    public int compareTo(Objective other) {
        int c = Integer.compare(nonContiguous, other.nonContiguous);
        if (c != 0) {
            return c;
        }
        c = Long.compare(blocksRetuned, other.blocksRetuned);
        return c != 0 ? c : Integer.compare(operatorsMoved, other.operatorsMoved);
    }

    public boolean isBetterThan(Objective other) {
        return compareTo(other) < 0;
    }

    @Override
    public String toString() {
        return "(" + nonContiguous + " split, " + blocksRetuned + " retuned, " + operatorsMoved + " moved)";
    }
}
