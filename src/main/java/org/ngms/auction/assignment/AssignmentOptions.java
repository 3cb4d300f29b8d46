package org.ngms.auction.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.ngms.shared.FrequencyRange;

/**
 * The frequency-specific options of each winner of a market, for a sealed assignment round: every run of exactly
 * its won number of consecutive offered blocks that lies in one OFFERED segment of the band plan (blocks either side
 * of a guard band, a reserved stretch or an incumbent's assignment are not adjacent). Existing assignments, guard
 * bands and reserved spectrum are never offered, so they are respected by construction; the winner determination
 * then picks one option per winner with no block used twice. An option's id is its range ("2500-2560"), the same in
 * every area of a grouped market.
 */
public final class AssignmentOptions {

    private AssignmentOptions() {
    }

    /** One option: blocks {@code [firstBlock, firstBlock + blocks)} of the market, and their frequencies. */
    public record Option(String id, int firstBlock, int blocks, FrequencyRange range) {
        public Option {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(range, "range");
        }

        public List<Integer> blockIndices() {
            List<Integer> indices = new ArrayList<>();
            for (int b = firstBlock; b < firstBlock + blocks; b++) {
                indices.add(b);
            }
            return indices;
        }
    }

    /** The options of every winner of {@code market}, winners in id order, options from the bottom up. */
    public static Map<String, List<Option>> of(AssignmentMarket market) {
        Map<String, List<Option>> options = new TreeMap<>();
        market.winners().forEach((bidder, quantity) -> options.put(bidder, of(market, quantity)));
        return options;
    }

    /** The runs of {@code quantity} adjacent blocks of {@code market}, from the bottom up. */
    public static List<Option> of(AssignmentMarket market, int quantity) {
        List<Option> options = new ArrayList<>();
        for (int first = 0; first + quantity <= market.blocks().size(); first++) {
            if (market.segmentOf().get(first).equals(market.segmentOf().get(first + quantity - 1))) {
                FrequencyRange range = market.range(first, quantity);
                options.add(new Option(AssignmentJson.text(range), first, quantity, range));
            }
        }
        return options;
    }
}
