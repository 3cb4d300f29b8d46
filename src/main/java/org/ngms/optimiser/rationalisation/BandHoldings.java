package org.ngms.optimiser.rationalisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ngms.optimiser.rationalisation.Holder.Fixed;
import org.ngms.optimiser.rationalisation.Holder.Operator;

/**
 * One band in one licence area after the auction and its assignment: a row of equal unit blocks of
 * {@code blockKhz} each, block 0 lowest in frequency, each held by an operator, vacant or fixed.
 *
 * <p>The operator order is the order in which operators first appear from the bottom of the band; it is the order
 * the tie rule ({@link #tieOrder()}) uses, so it comes from the input alone.
 */
public record BandHoldings(String band, long blockKhz, List<Holder> blocks) {

    public BandHoldings {
        if (band == null || band.isBlank()) {
            throw new IllegalArgumentException("band must not be blank: " + band);
        }
        if (blockKhz <= 0) {
            throw new IllegalArgumentException("blockKhz must be positive: " + blockKhz);
        }
        if (blocks == null || blocks.isEmpty()) {
            throw new IllegalArgumentException("blocks must not be empty: " + blocks);
        }
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) == null) {
                throw new IllegalArgumentException("blocks[" + i + "] must not be null");
            }
        }
        try {
            Math.multiplyExact(blockKhz, (long) blocks.size());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("blockKhz " + blockKhz + " times " + blocks.size()
                    + " blocks is beyond a long");
        }
        blocks = List.copyOf(blocks);
    }

    /**
     * A band written one block a word, from the bottom: an operator's id, {@code -} for vacant, {@code #label} for
     * fixed; {@code parse("1800", 5000, "A B - #guard A")}.
     */
    public static BandHoldings parse(String band, long blockKhz, String row) {
        List<Holder> blocks = new ArrayList<>();
        for (String word : row.trim().split("\\s+")) {
            if (word.equals("-")) {
                blocks.add(Holder.VACANT);
            } else if (word.startsWith("#")) {
                blocks.add(Holder.fixed(word.substring(1)));
            } else if (!word.isEmpty()) {
                blocks.add(Holder.operator(word));
            }
        }
        return new BandHoldings(band, blockKhz, blocks);
    }

    public int size() {
        return blocks.size();
    }

    /** The operators in the order they first appear from the bottom of the band. */
    public List<Operator> operators() {
        return List.copyOf(quantities().keySet());
    }

    /** How many blocks each operator holds, in operator order; a rationalisation never changes these. */
    public Map<Operator, Integer> quantities() {
        Map<Operator, Integer> quantities = new LinkedHashMap<>();
        for (Holder holder : blocks) {
            if (holder instanceof Operator operator) {
                quantities.merge(operator, 1, Integer::sum);
            }
        }
        return quantities;
    }

    public int vacantCount() {
        return (int) blocks.stream().filter(Holder.VACANT::equals).count();
    }

    /**
     * Why {@code after} is not a rationalisation of this band, or empty when it is: the same number of blocks, every
     * fixed block where it was, every operator with as many blocks as before, no new holder.
     */
    public Optional<String> whyNotARearrangement(List<Holder> after) {
        if (after.size() != blocks.size()) {
            return Optional.of("after has " + after.size() + " blocks, the band " + blocks.size());
        }
        for (int i = 0; i < blocks.size(); i++) {
            boolean fixedBefore = blocks.get(i) instanceof Fixed;
            if (fixedBefore != after.get(i) instanceof Fixed || fixedBefore && !blocks.get(i).equals(after.get(i))) {
                return Optional.of("block " + i + " was " + blocks.get(i) + " and is " + after.get(i)
                        + ": fixed blocks stay where they are");
            }
        }
        Map<Operator, Integer> counts = new BandHoldings(band, blockKhz, after).quantities();
        if (!counts.equals(quantities())) {
            return Optional.of("holdings were " + quantities() + " and are " + counts);
        }
        return Optional.empty();
    }

    /**
     * The tie rule among equally good plans: compare block by block from the bottom of the band, an operator before
     * vacant, operators in operator order; the smaller plan wins. Fixed blocks are equal in every plan.
     */
    public Comparator<List<Holder>> tieOrder() {
        Map<Holder, Integer> rank = ranks();
        return (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = Integer.compare(rank.getOrDefault(a.get(i), -1), rank.getOrDefault(b.get(i), -1));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    /** Operators 0, 1, … in operator order, vacant last; fixed blocks have no rank. */
    Map<Holder, Integer> ranks() {
        Map<Holder, Integer> rank = new LinkedHashMap<>();
        for (Operator operator : operators()) {
            rank.put(operator, rank.size());
        }
        rank.put(Holder.VACANT, rank.size());
        return rank;
    }

    @Override
    public String toString() {
        return band + " " + row(blocks);
    }

    static String row(List<Holder> blocks) {
        StringBuilder row = new StringBuilder();
        for (Holder holder : blocks) {
            row.append(row.isEmpty() ? "" : " ").append(holder);
        }
        return row.toString();
    }
}
