package org.ngms.auction.sealed;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.ngms.optimiser.Instance;
import org.ngms.optimiser.wdp.WdpInstanceWriter;
import org.ngms.pricing.PricingOutcome.NotPriced;
import org.ngms.shared.Money;

/**
 * What a sealed package round decided. Only a {@code PRICED} outcome awards anything: then every winner has a price
 * and {@code revenue} is their sum. {@code NOT_PRICED} (the allocation was not proven optimal within the time limit,
 * or a pricing sub-problem was not) carries the allocation found, without prices, and the reason; the stage stops
 * there for the regulator. {@link #wdpInstanceJson()} exports the round as {@code wdp/1}, so an observer can
 * recompute it.
 */
public record PackageOutcome(String stage, Status status, Optional<NotPriced> notPriced, List<PackageWin> winners,
                             Map<String, Integer> unsold, List<String> unsoldLots, Optional<Money> revenue,
                             Certificate certificate, List<Exclusion> exclusions, Instance instance) {

    public PackageOutcome {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(notPriced, "notPriced");
        winners = List.copyOf(winners);
        unsold = Collections.unmodifiableMap(new TreeMap<>(unsold));
        unsoldLots = List.copyOf(unsoldLots);
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(certificate, "certificate");
        exclusions = List.copyOf(exclusions);
        Objects.requireNonNull(instance, "instance");
        if ((status == Status.PRICED) != notPriced.isEmpty() || (status == Status.PRICED) != revenue.isPresent()) {
            throw new IllegalArgumentException("a PRICED outcome has a revenue and no reason, a NOT_PRICED one the "
                    + "reverse");
        }
        if (status == Status.PRICED && winners.stream().anyMatch(w -> w.price().isEmpty())) {
            throw new IllegalArgumentException("every winner of a PRICED outcome has a price");
        }
    }

    public enum Status { PRICED, NOT_PRICED }

    /**
     * What the solver's value and bound refer to: the sum of winning amounts (pay-as-bid, award at reserve), or the
     * sum of winning amounts over their packages' reserve values (VCG and core, where reserve prices are bids).
     */
    public enum Objective { AMOUNTS, AMOUNTS_OVER_RESERVE }

    /** The solver's certificate: {@code provenOptimal} only when {@code value == upperBound}. */
    public record Certificate(long value, long upperBound, boolean provenOptimal, Objective objective,
                              boolean tieBreakComplete) {
        public Certificate {
            Objects.requireNonNull(objective, "objective");
        }
    }

    /**
     * A winning package: its lots as the bidder wrote them, the blocks per category, the specific lot ids it
     * includes, the amount bid and, when priced, the price.
     */
    public record PackageWin(String bidder, String packageId, Map<String, Integer> lots,
                             Map<String, Integer> blocks, List<String> lotIds, Money amount, Optional<Money> price) {
        public PackageWin {
            Objects.requireNonNull(bidder, "bidder");
            Objects.requireNonNull(packageId, "packageId");
            lots = Collections.unmodifiableMap(new TreeMap<>(lots));
            blocks = Collections.unmodifiableMap(new TreeMap<>(blocks));
            lotIds = List.copyOf(lotIds);
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(price, "price");
        }
    }

    public Optional<PackageWin> winnerOf(String bidder) {
        return winners.stream().filter(w -> w.bidder().equals(bidder)).findFirst();
    }

    /** The round as a {@code wdp/1} instance, exactly as the interchange format specifies. */
    public String wdpInstanceJson() {
        return WdpInstanceWriter.write(instance);
    }
}
