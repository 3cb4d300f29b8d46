package org.ngms.optimiser.rationalisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.ngms.optimiser.rationalisation.Holder.Fixed;
import org.ngms.optimiser.rationalisation.Holder.Operator;

/**
 * A quick plan for the local search to start from: every operator's holding as one run, packed best-fit decreasing
 * into the stretches between fixed blocks (the largest holding first, each into the stretch it leaves least room
 * in); the operators that fit nowhere whole fill what room is left, bottom up, and vacancies the rest. Within a
 * stretch, runs go in operator order. It ignores where anyone was: the search then trades retuning against it.
 */
final class RunPacking {

    private RunPacking() {
    }

    static List<Holder> pack(BandHoldings band) {
        List<int[]> stretches = new ArrayList<>();
        for (int i = 0; i < band.size(); i++) {
            if (!(band.blocks().get(i) instanceof Fixed)) {
                boolean continues = i > 0 && !(band.blocks().get(i - 1) instanceof Fixed);
                if (continues) {
                    stretches.get(stretches.size() - 1)[1]++;
                } else {
                    stretches.add(new int[] {i, 1});
                }
            }
        }
        Map<Operator, Integer> quantities = band.quantities();
        List<Operator> largestFirst = new ArrayList<>(quantities.keySet());
        largestFirst.sort(Comparator.comparing(quantities::get).reversed());
        int[] room = stretches.stream().mapToInt(s -> s[1]).toArray();
        List<List<Operator>> runs = new ArrayList<>();
        stretches.forEach(s -> runs.add(new ArrayList<>()));
        List<Operator> split = new ArrayList<>();
        for (Operator operator : largestFirst) {
            int q = quantities.get(operator);
            int best = -1;
            for (int s = 0; s < room.length; s++) {
                if (room[s] >= q && (best < 0 || room[s] < room[best])) {
                    best = s;
                }
            }
            if (best < 0) {
                split.add(operator);
            } else {
                room[best] -= q;
                runs.get(best).add(operator);
            }
        }
        List<Operator> order = band.operators();
        List<Holder> plan = new ArrayList<>(band.blocks());
        List<Holder> leftovers = new ArrayList<>();
        split.sort(Comparator.comparing(order::indexOf));
        for (Operator operator : split) {
            for (int k = 0; k < quantities.get(operator); k++) {
                leftovers.add(operator);
            }
        }
        int next = 0;
        for (int s = 0; s < stretches.size(); s++) {
            int block = stretches.get(s)[0];
            runs.get(s).sort(Comparator.comparing(order::indexOf));
            for (Operator operator : runs.get(s)) {
                for (int k = 0; k < quantities.get(operator); k++) {
                    plan.set(block++, operator);
                }
            }
            for (int k = 0; k < room[s]; k++) {
                plan.set(block++, next < leftovers.size() ? leftovers.get(next++) : Holder.VACANT);
            }
        }
        return plan;
    }
}
