package org.ngms.auction.sealed;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.ngms.shared.Money;

/**
 * What a stage of pre-bid offers at reserve decided: awards at reserve, categories escalated (with each bidder's
 * demand, the escalation stage's starting point), bidders excluded, cross-band conditions left pending, blocks unsold
 * per decided category, and the revenue of the awards. Built by {@link PreBidOffers}.
 */
public record PreBidOutcome(String stage, Status status, List<Award> awards, List<Escalation> escalations,
                            List<Exclusion> exclusions, List<PendingCondition> pendingConditions,
                            Map<String, Integer> unsold, Money revenue) {

    public PreBidOutcome {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(status, "status");
        awards = List.copyOf(awards);
        escalations = List.copyOf(escalations);
        exclusions = List.copyOf(exclusions);
        pendingConditions = List.copyOf(pendingConditions);
        unsold = Collections.unmodifiableMap(new TreeMap<>(unsold));
        Objects.requireNonNull(revenue, "revenue");
        Money sum = awards.stream().map(Award::total).reduce(Money.ZERO, Money::plus);
        if (!sum.equals(revenue)) {
            throw new IllegalArgumentException("revenue " + revenue + " is not the sum of the awards " + sum);
        }
    }

    public enum Status {
        /** Every category in scope was decided at reserve (awarded or left unsold). */
        DECIDED,
        /** Some categories go on to the escalation stage; the rest are decided. */
        ESCALATED,
        /**
         * Some category is over-demanded and the directive names no stage that can take it (no escalateTo, or the
         * target's category list leaves it out): the regulator must decide; those categories are listed in
         * {@link #escalations} with an empty {@code toStage}.
         */
        OVER_DEMANDED_WITHOUT_ESCALATION
    }

    /** Blocks of one category awarded to one bidder at the reserve price; lot ids name the blocks of specific lots. */
    public record Award(String bidder, String category, int blocks, List<String> lotIds, Money pricePerBlock,
                        Money total) {
        public Award {
            Objects.requireNonNull(bidder, "bidder");
            Objects.requireNonNull(category, "category");
            if (blocks < 1) {
                throw new IllegalArgumentException("an award has at least 1 block, got " + blocks);
            }
            lotIds = List.copyOf(lotIds);
            Objects.requireNonNull(pricePerBlock, "pricePerBlock");
            Objects.requireNonNull(total, "total");
            if (!total.equals(pricePerBlock.times(blocks))) {
                throw new IllegalArgumentException("total " + total + " is not " + blocks + " x " + pricePerBlock);
            }
        }
    }

    /**
     * An escalated category: over-demanded (total demand above supply), or, under {@code escalation: BAND}, a
     * category of the same band and licence area taken along with an over-demanded one (total demand at most the
     * supply, possibly none). {@code toStage} is the stage that continues it (empty when none can); {@code demand}
     * is each bidder's positive demand at reserve, its starting demand there (empty when nobody demanded it).
     */
    public record Escalation(String category, Optional<String> toStage, int supply, int totalDemand,
                             Map<String, Integer> demand) {
        public Escalation {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(toStage, "toStage");
            demand = Collections.unmodifiableMap(new TreeMap<>(demand));
        }
    }

    /**
     * A REQUIRES_WIN_IN_BANDS condition that cannot be settled yet because some of its required bands escalated: the
     * bidder's demand for the conditional {@code categories} (awarded here or escalated) stands only if it wins at
     * least {@code minMhz} in {@code requiredBands} in the escalation stage.
     */
    public record PendingCondition(String bidder, String condition, List<String> categories,
                                   List<String> requiredBands, String minMhz) {
        public PendingCondition {
            Objects.requireNonNull(bidder, "bidder");
            Objects.requireNonNull(condition, "condition");
            categories = List.copyOf(categories);
            requiredBands = List.copyOf(requiredBands);
            Objects.requireNonNull(minMhz, "minMhz");
        }
    }

    /** The awards of one bidder. */
    public List<Award> awardsOf(String bidder) {
        return awards.stream().filter(a -> a.bidder().equals(bidder)).toList();
    }

    /** Blocks of {@code category} awarded to {@code bidder}. */
    public int blocksAwarded(String bidder, String category) {
        return awards.stream().filter(a -> a.bidder().equals(bidder) && a.category().equals(category))
                .mapToInt(Award::blocks).sum();
    }

    public Optional<Escalation> escalation(String category) {
        return escalations.stream().filter(e -> e.category().equals(category)).findFirst();
    }

    public boolean isExcluded(String bidder) {
        return exclusions.stream().anyMatch(e -> e.bidder().equals(bidder));
    }
}
