package org.ngms.auction.outcome;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.ngms.auction.outcome.PaymentSchedules.PaymentSchedule;
import org.ngms.auction.sealed.PackageOutcome;
import org.ngms.auction.sealed.PreBidOutcome;
import org.ngms.directive.LotCategory;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.SpecificBlock;
import org.ngms.shared.Mhz;
import org.ngms.shared.Money;
import org.ngms.shared.Percent;

/**
 * The outcome of an auction: per winner its blocks per category, the specific lot ids it won, its total price and
 * payment schedule; the blocks (and specific lots) left unsold per category; the revenue; the MHz offered and sold,
 * counted as the directive counts spectrum; and whether the directive's success criterion is met. Built from the
 * wins of every stage by {@link #of}.
 */
public record Outcome(String directive, List<WinnerOutcome> winners, Map<String, Integer> unsold,
                      List<String> unsoldLots, Money revenue, Mhz mhzOffered, Mhz mhzSold,
                      Optional<SuccessCheck> success) {

    public Outcome {
        Objects.requireNonNull(directive, "directive");
        winners = List.copyOf(winners);
        unsold = Collections.unmodifiableMap(new TreeMap<>(unsold));
        unsoldLots = List.copyOf(unsoldLots);
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(mhzOffered, "mhzOffered");
        Objects.requireNonNull(mhzSold, "mhzSold");
        Objects.requireNonNull(success, "success");
        Money sum = winners.stream().map(WinnerOutcome::price).reduce(Money.ZERO, Money::plus);
        if (!sum.equals(revenue)) {
            throw new IllegalArgumentException("revenue " + revenue + " is not the sum of the winners' prices " + sum);
        }
    }

    /** What one stage gave one bidder: blocks per category, specific lot ids among them, and the price of them. */
    public record Win(String bidder, Map<String, Integer> lots, List<String> lotIds, Money price) {
        public Win {
            Objects.requireNonNull(bidder, "bidder");
            lots = Collections.unmodifiableMap(new TreeMap<>(lots));
            lotIds = List.copyOf(lotIds);
            Objects.requireNonNull(price, "price");
        }
    }

    /** One winner: everything it won across stages, the total price and its payment schedule. */
    public record WinnerOutcome(String bidder, Map<String, Integer> lots, List<String> lotIds, Money price,
                                PaymentSchedule payment) {
        public WinnerOutcome {
            Objects.requireNonNull(bidder, "bidder");
            lots = Collections.unmodifiableMap(new TreeMap<>(lots));
            lotIds = List.copyOf(lotIds);
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(payment, "payment");
        }
    }

    /** The success criterion: met when sold × 100 ≥ offered × minimum percent (exact, in kHz and basis points). */
    public record SuccessCheck(Percent minSoldPercentOfMhz, Mhz offered, Mhz sold, boolean met) {
        public SuccessCheck {
            Objects.requireNonNull(minSoldPercentOfMhz, "minSoldPercentOfMhz");
            Objects.requireNonNull(offered, "offered");
            Objects.requireNonNull(sold, "sold");
        }
    }

    public Optional<WinnerOutcome> winner(String bidder) {
        return winners.stream().filter(w -> w.bidder().equals(bidder)).findFirst();
    }

    /**
     * The outcome of the given wins (from any stages; several wins of one bidder add up). Payment schedules use
     * {@code referenceRate} for interest when given.
     */
    public static Outcome of(PolicyDirective d, List<Win> wins, Optional<Percent> referenceRate) {
        Map<String, Map<String, Integer>> lots = new TreeMap<>();
        Map<String, List<String>> lotIds = new TreeMap<>();
        Map<String, Money> prices = new TreeMap<>();
        Map<String, Integer> won = new TreeMap<>();
        List<String> wonLots = new ArrayList<>();
        for (Win win : wins) {
            win.lots().forEach((c, q) -> {
                lots.computeIfAbsent(win.bidder(), k -> new TreeMap<>()).merge(c, q, Integer::sum);
                won.merge(c, q, Integer::sum);
            });
            lotIds.computeIfAbsent(win.bidder(), k -> new ArrayList<>()).addAll(win.lotIds());
            prices.merge(win.bidder(), win.price(), Money::plus);
            wonLots.addAll(win.lotIds());
        }
        List<WinnerOutcome> winners = new ArrayList<>();
        prices.forEach((bidder, price) -> winners.add(new WinnerOutcome(bidder, lots.getOrDefault(bidder, Map.of()),
                lotIds.getOrDefault(bidder, List.of()).stream().sorted().toList(), price,
                PaymentSchedules.schedule(d, price, referenceRate))));
        Map<String, Integer> unsold = new TreeMap<>();
        List<String> unsoldLots = new ArrayList<>();
        Mhz offered = Mhz.ZERO;
        Mhz sold = Mhz.ZERO;
        for (LotCategory c : d.lotCategories()) {
            Mhz perBlock = d.spectrumCounting().count(c.blockMhz(), d.band(c.band()).orElseThrow().duplex());
            int taken = won.getOrDefault(c.id(), 0);
            if (taken > c.blocks()) {
                throw new IllegalArgumentException(taken + " blocks of " + c.id() + " won; only " + c.blocks()
                        + " are offered");
            }
            offered = offered.plus(perBlock.times(c.blocks()));
            sold = sold.plus(perBlock.times(taken));
            if (taken < c.blocks()) {
                unsold.put(c.id(), c.blocks() - taken);
            }
            for (SpecificBlock block : c.specificBlocks()) {
                if (!wonLots.contains(c.id() + "-" + block.id())) {
                    unsoldLots.add(c.id() + "-" + block.id());
                }
            }
        }
        Mhz offeredMhz = offered;
        Mhz soldMhz = sold;
        Optional<SuccessCheck> success = d.successCriterion().map(s -> new SuccessCheck(s.minSoldPercentOfMhz(),
                offeredMhz, soldMhz, Math.multiplyExact(soldMhz.khz(), 10_000L)
                >= Math.multiplyExact(offeredMhz.khz(), s.minSoldPercentOfMhz().basisPoints())));
        Money revenue = prices.values().stream().reduce(Money.ZERO, Money::plus);
        return new Outcome(d.id(), winners, unsold, unsoldLots, revenue, offered, sold, success);
    }

    /**
     * The wins of a stage of offers at reserve, one per bidder. Awards still subject to a pending cross-band condition
     * are included; the caller drops them if the condition fails.
     */
    public static List<Win> wins(PreBidOutcome outcome) {
        Map<String, Map<String, Integer>> lots = new TreeMap<>();
        Map<String, List<String>> ids = new TreeMap<>();
        Map<String, Money> prices = new TreeMap<>();
        for (PreBidOutcome.Award a : outcome.awards()) {
            lots.computeIfAbsent(a.bidder(), k -> new TreeMap<>()).merge(a.category(), a.blocks(), Integer::sum);
            ids.computeIfAbsent(a.bidder(), k -> new ArrayList<>()).addAll(a.lotIds());
            prices.merge(a.bidder(), a.total(), Money::plus);
        }
        List<Win> wins = new ArrayList<>();
        prices.forEach((b, p) -> wins.add(new Win(b, lots.get(b), ids.get(b), p)));
        return wins;
    }

    /** The wins of a sealed package round; none unless it was PRICED. */
    public static List<Win> wins(PackageOutcome outcome) {
        if (outcome.status() != PackageOutcome.Status.PRICED) {
            return List.of();
        }
        return outcome.winners().stream()
                .map(w -> new Win(w.bidder(), w.blocks(), w.lotIds(), w.price().orElseThrow()))
                .toList();
    }
}
