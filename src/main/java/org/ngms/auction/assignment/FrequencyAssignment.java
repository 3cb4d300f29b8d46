package org.ngms.auction.assignment;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.ngms.shared.FrequencyRange;

/**
 * What an assignment stage decided: per market, each winner's exact frequencies (one contiguous range of its won
 * blocks; {@code firstBlock} counts from the bottom of the market's offered blocks) and the price it pays for them on
 * top of its allocation price, and the unsold ranges.
 */
public record FrequencyAssignment(String stage, int rounds, List<Market> markets) {

    public FrequencyAssignment {
        Objects.requireNonNull(stage, "stage");
        markets = List.copyOf(markets);
    }

    /** {@code categories}: every lot category of the market, each assigned the same frequencies. */
    public record Market(String id, List<String> categories, List<Assigned> assigned, List<FrequencyRange> unsold) {
        public Market {
            Objects.requireNonNull(id, "id");
            categories = List.copyOf(categories);
            assigned = List.copyOf(assigned);
            unsold = List.copyOf(unsold);
        }
    }

    /** {@code uplink} is present for FDD bands. {@code position} is the position's name, or the option's id. */
    public record Assigned(String bidder, String position, int blocks, int firstBlock, FrequencyRange downlink,
                           Optional<FrequencyRange> uplink, long price) {
        public Assigned {
            Objects.requireNonNull(bidder, "bidder");
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(downlink, "downlink");
            Objects.requireNonNull(uplink, "uplink");
        }
    }

    /** The assignment price per bidder, over every market. */
    public Map<String, Long> pricePerBidder() {
        Map<String, Long> prices = new TreeMap<>();
        markets.forEach(m -> m.assigned().forEach(a -> prices.merge(a.bidder(), a.price(), Math::addExact)));
        return prices;
    }

    public long revenue() {
        return pricePerBidder().values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
    }
}
