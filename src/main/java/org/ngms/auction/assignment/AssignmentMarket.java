package org.ngms.auction.assignment;

import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import org.ngms.shared.FrequencyRange;

/**
 * One market of an assignment stage: a lot category (a band in a licence area) whose generic blocks the allocation
 * stage sold, or several of one band assigned the same frequencies together (FCC Auction 110's grouping of areas
 * with the same winners and quantities), the winners with the number of blocks each won, and the category's assignable blocks in frequency
 * order, as its band plan places them ({@code blocks}: downlink for FDD, with the uplink {@code uplinkOffsetKhz}
 * above or below). Blocks of different OFFERED segments are not adjacent: {@code segmentOf} tells them apart.
 */
public record AssignmentMarket(String id, List<String> categories, String band, List<String> areas,
                               List<FrequencyRange> blocks, List<Integer> segmentOf, long uplinkOffsetKhz,
                               SortedMap<String, Integer> winners, List<String> positions) {

    public AssignmentMarket {
        Objects.requireNonNull(id, "id");
        categories = List.copyOf(categories);
        Objects.requireNonNull(band, "band");
        areas = List.copyOf(areas);
        if (categories.isEmpty() || categories.size() != areas.size()) {
            throw new IllegalArgumentException("market " + id + ": one licence area per category");
        }
        blocks = List.copyOf(blocks);
        segmentOf = List.copyOf(segmentOf);
        winners = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(winners));
        positions = List.copyOf(positions);
        if (segmentOf.size() != blocks.size()) {
            throw new IllegalArgumentException("market " + id + ": one segment index per block");
        }
        int sold = winners.values().stream().mapToInt(Integer::intValue).sum();
        if (winners.values().stream().anyMatch(q -> q < 1) || sold > blocks.size()) {
            throw new IllegalArgumentException("market " + id + ": winners' " + sold + " blocks do not fit its "
                    + blocks.size());
        }
        if (!positions.isEmpty() && positions.size() != winners.size()) {
            throw new IllegalArgumentException("market " + id + ": " + positions.size() + " positions for "
                    + winners.size() + " winners");
        }
    }

    /** The market's first category: the one a market of a single category is. */
    public String category() {
        return categories.get(0);
    }

    /** The licence area of the first category. */
    public String area() {
        return areas.get(0);
    }

    /** Blocks sold in the market (in each of its areas). */
    public int sold() {
        return winners.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The product id of a position in an assignment clock: category and position name. */
    public String product(String position) {
        return category() + "." + position;
    }

    /** The frequencies of blocks {@code [from, from + count)} of the market, as one range (they must be adjacent). */
    public FrequencyRange range(int from, int count) {
        if (count < 1 || from < 0 || from + count > blocks.size()
                || !segmentOf.get(from).equals(segmentOf.get(from + count - 1))) {
            throw new IllegalArgumentException("market " + id + ": blocks " + from + ".." + (from + count - 1)
                    + " are not one contiguous range");
        }
        return new FrequencyRange(blocks.get(from).fromKhz(), blocks.get(from + count - 1).toKhz());
    }
}
