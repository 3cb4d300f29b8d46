package org.ngms.auction.sealed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ngms.auction.Bidder;
import org.ngms.auction.Decision;
import org.ngms.auction.ReasonCode;
import org.ngms.auction.sealed.PackageOutcome.Certificate;
import org.ngms.auction.sealed.PackageOutcome.Objective;
import org.ngms.auction.sealed.PackageOutcome.PackageWin;
import org.ngms.directive.LotCategory;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.SpecificBlock;
import org.ngms.directive.SpectrumCap;
import org.ngms.directive.Stage;
import org.ngms.optimiser.Allocation;
import org.ngms.optimiser.Bid;
import org.ngms.optimiser.Cap;
import org.ngms.optimiser.Category;
import org.ngms.optimiser.CertifiedSolver;
import org.ngms.optimiser.Instance;
import org.ngms.optimiser.TieBreak;
import org.ngms.optimiser.Winner;
import org.ngms.pricing.PaymentRule;
import org.ngms.pricing.Pricing;
import org.ngms.pricing.PricingOutcome;
import org.ngms.shared.Mhz;
import org.ngms.shared.Money;

/**
 * One sealed round of XOR package bids, from the bids to priced winners.
 * <ol>
 *   <li>Every offer is checked again by {@link SealedRules#checkPackages}; a broken offer is dropped whole and its
 *       bidder listed as excluded from the round (a bidder without packages simply wins nothing).</li>
 *   <li>The {@code wdp/1} instance: a generic lot category is a wdp category (supply = blocks, reservePrice = reserve
 *       per block); each specific block is a wdp category of its own, named by its lot id, supply 1. Each spectrum
 *       cap of the directive becomes a top-level cap over the categories of its bands, weighted by the kHz one block
 *       counts (per the directive's spectrumCounting), max = the limit in kHz; when the cap counts existing holdings,
 *       each bidder holding spectrum in its bands gets its own cap with max = limit − holdings (its headroom). A bid
 *       is named {@code BIDDER.PACKAGE}; its tie number derives from that name and the auction's seed.</li>
 *   <li>{@link CertifiedSolver} (CP-SAT) allocates. With VCG or core pricing reserve prices are bids (ISED), so the
 *       allocation maximises the amounts over their packages' reserve values; otherwise the amounts.</li>
 *   <li>{@link Pricing} prices with the stage's rule, only a proven-optimal allocation; otherwise the outcome is
 *       {@code NOT_PRICED} with the reason, never a guess.</li>
 * </ol>
 */
public final class SealedPackageRound {

    /**
     * How long the service lets winner determination (and each pricing sub-problem) run before the round is reported
     * unproven; the offline verifier recomputes with the same limit.
     */
    public static final Duration SERVICE_TIME_LIMIT = Duration.ofSeconds(120);

    private SealedPackageRound() {
    }

    public static PackageOutcome evaluate(PolicyDirective d, Stage.SealedPackage stage, List<Bidder> qualified,
                                          List<PackageOffer> offers, byte[] seed, Duration timeLimit) {
        Map<String, Bidder> bidders = new TreeMap<>();
        qualified.forEach(b -> bidders.put(b.id(), b));
        Map<String, List<PackageOffer>> offersBy = new TreeMap<>();
        offers.forEach(o -> offersBy.computeIfAbsent(o.bidder(), k -> new ArrayList<>()).add(o));
        List<Exclusion> exclusions = new ArrayList<>();
        Map<String, PackageOffer> valid = new TreeMap<>();
        offersBy.forEach((id, own) -> {
            Bidder bidder = bidders.get(id);
            if (bidder == null) {
                exclusions.add(new Exclusion(id, ReasonCode.NOT_QUALIFIED,
                        "package bids from " + id + ", who is not among the qualified bidders"));
            } else if (own.size() > 1) {
                exclusions.add(new Exclusion(id, ReasonCode.TOO_MANY_PACKAGES,
                        own.size() + " package offers; exactly one is counted, so none is valid"));
            } else if (SealedRules.checkPackages(d, stage, bidder, own.get(0))
                    instanceof Decision.Rejected<PackageOffer> r) {
                exclusions.add(new Exclusion(id, r.reason(), r.message()));
            } else {
                valid.put(id, own.get(0));
            }
        });

        Instance instance = instance(d, stage, bidders, valid);
        PaymentRule rule = paymentRule(stage.pricing());
        boolean reserveBids = rule == PaymentRule.VCG || rule == PaymentRule.CORE_NEAREST_VCG;
        CertifiedSolver solver = CertifiedSolver.exactOnly();
        Allocation allocation = solver.solve(reserveBids ? org.ngms.pricing.ReserveBids.surplus(instance) : instance,
                new TieBreak(seed), timeLimit);
        PricingOutcome priced = new Pricing(solver, timeLimit).price(rule, instance, allocation);
        Certificate certificate = new Certificate(allocation.value(), allocation.upperBound(),
                allocation.provenOptimal(), reserveBids ? Objective.AMOUNTS_OVER_RESERVE : Objective.AMOUNTS,
                allocation.tieBreakComplete());

        List<PackageWin> winners = new ArrayList<>();
        Map<String, Integer> won = new TreeMap<>();
        List<String> wonLots = new ArrayList<>();
        for (Winner w : allocation.winners()) {
            String packageId = w.bid().substring(w.bidder().length() + 1);
            PackageBid bid = valid.get(w.bidder()).bids().stream().filter(b -> b.id().equals(packageId))
                    .findFirst().orElseThrow();
            Map<String, Integer> blocks = ((Decision.Allowed<Map<String, Integer>>) SealedRules
                    .categoryCounts(d, bid.positive(), "")).value();
            List<String> lotIds = bid.positive().keySet().stream()
                    .filter(k -> SealedRules.specificLots(d).containsKey(k)).sorted().toList();
            Optional<Money> price = priced instanceof PricingOutcome.Priced p
                    ? Optional.of(Money.of(p.paymentOf(w.bidder()))) : Optional.empty();
            winners.add(new PackageWin(w.bidder(), packageId, bid.positive(), blocks, lotIds, bid.amount(), price));
            blocks.forEach((c, q) -> won.merge(c, q, Integer::sum));
            wonLots.addAll(lotIds);
        }
        winners.sort(Comparator.comparing(PackageWin::bidder));
        Map<String, Integer> unsold = new TreeMap<>();
        List<String> unsoldLots = new ArrayList<>();
        for (LotCategory c : PreBidOffers.inScope(d, stage)) {
            int left = c.blocks() - won.getOrDefault(c.id(), 0);
            if (left > 0) {
                unsold.put(c.id(), left);
            }
            for (SpecificBlock block : c.specificBlocks()) {
                String lotId = c.id() + "-" + block.id();
                if (!wonLots.contains(lotId)) {
                    unsoldLots.add(lotId);
                }
            }
        }
        exclusions.sort(Comparator.comparing(Exclusion::bidder));
        if (priced instanceof PricingOutcome.NotPriced notPriced) {
            return new PackageOutcome(stage.id(), PackageOutcome.Status.NOT_PRICED, Optional.of(notPriced), winners,
                    unsold, unsoldLots, Optional.empty(), certificate, exclusions, instance);
        }
        Money revenue = Money.of(((PricingOutcome.Priced) priced).revenue());
        return new PackageOutcome(stage.id(), PackageOutcome.Status.PRICED, Optional.empty(), winners, unsold,
                unsoldLots, Optional.of(revenue), certificate, exclusions, instance);
    }

    /** The directive's name for a pricing rule mapped to the pricing module's (public: the verifier prices again). */
    public static PaymentRule paymentRule(Stage.PackagePricing pricing) {
        return switch (pricing) {
            case PAY_AS_BID -> PaymentRule.PAY_AS_BID;
            case RESERVE -> PaymentRule.AT_RESERVE;
            case VCG -> PaymentRule.VCG;
            case CORE_NEAREST_VCG -> PaymentRule.CORE_NEAREST_VCG;
        };
    }

    /** The round as a winner-determination instance (see the class comment for the mapping). */
    static Instance instance(PolicyDirective d, Stage stage, Map<String, Bidder> bidders,
                             Map<String, PackageOffer> valid) {
        List<Category> categories = new ArrayList<>();
        Map<String, LotCategory> categoryOf = new LinkedHashMap<>();
        for (LotCategory c : PreBidOffers.inScope(d, stage)) {
            if (c.kind() == LotCategory.LotKind.GENERIC) {
                categories.add(new Category(c.id(), c.blocks(), c.reservePerBlock().amount()));
                categoryOf.put(c.id(), c);
            } else {
                for (SpecificBlock block : c.specificBlocks()) {
                    categories.add(new Category(c.id() + "-" + block.id(), 1, c.reservePerBlock().amount()));
                    categoryOf.put(c.id() + "-" + block.id(), c);
                }
            }
        }
        List<Cap> caps = new ArrayList<>();
        List<SpectrumCap> used = new ArrayList<>();
        for (SpectrumCap cap : d.spectrumCaps()) {
            weightedCap(d, cap, categoryOf, cap.limit().khz()).ifPresent(c -> {
                caps.add(c);
                used.add(cap);
            });
        }
        List<org.ngms.optimiser.Bidder> wdpBidders = new ArrayList<>();
        valid.forEach((id, offer) -> {
            Bidder bidder = bidders.get(id);
            List<Cap> own = new ArrayList<>();
            for (SpectrumCap cap : used) {
                Mhz held = SealedRules.held(bidder, cap);
                if (held.isPositive()) {
                    long headroom = Math.max(0, cap.limit().khz() - held.khz());
                    weightedCap(d, cap, categoryOf, headroom).ifPresent(own::add);
                }
            }
            List<Bid> bids = new ArrayList<>();
            for (PackageBid bid : offer.bids()) {
                Map<String, Long> pack = new TreeMap<>();
                bid.positive().forEach((k, q) -> pack.put(k, (long) q));
                bids.add(new Bid(id + "." + bid.id(), pack, bid.amount().amount()));
            }
            wdpBidders.add(new org.ngms.optimiser.Bidder(id, own, bids));
        });
        return new Instance(d.id() + "-" + stage.id(), d.currency().auction(), categories, caps, wdpBidders);
    }

    /** A directive cap over the instance's categories in its bands, weighted by kHz per block; empty if none. */
    static Optional<Cap> weightedCap(PolicyDirective d, SpectrumCap cap, Map<String, LotCategory> categoryOf,
                                     long maxKhz) {
        List<String> listed = new ArrayList<>();
        Map<String, Long> weights = new TreeMap<>();
        categoryOf.forEach((id, c) -> {
            if (cap.bands().contains(c.band())) {
                listed.add(id);
                weights.put(id, SealedRules.blockMhz(d, c).khz());
            }
        });
        return listed.isEmpty() ? Optional.empty() : Optional.of(new Cap(listed, weights, maxKhz));
    }
}
