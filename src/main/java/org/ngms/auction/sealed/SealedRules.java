package org.ngms.auction.sealed;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.ngms.auction.Bidder;
import org.ngms.auction.Decision;
import org.ngms.auction.Lots;
import org.ngms.auction.Qualification;
import org.ngms.auction.ReasonCode;
import org.ngms.auction.Registration;
import org.ngms.directive.Band;
import org.ngms.directive.DepositRule;
import org.ngms.directive.EligibilityCondition;
import org.ngms.directive.LotCategory;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.SpectrumCap;
import org.ngms.directive.Stage;
import org.ngms.shared.Mhz;
import org.ngms.shared.Money;

/**
 * The rules a sealed submission must obey when it is made, each a named function; a broken one comes back as
 * {@link Decision.Rejected} with its {@link ReasonCode}, never as an exception. Checked in this order, the first
 * broken rule answering: the bidder is QUALIFIED; the offer is its own; every category exists and is in the stage's
 * scope (empty scope: every category); quantities are at least 0, at most the supply and within
 * min/maxBlocksPerBidder (the minimum binds only a positive quantity: 0 means "none of it"); new-entrant-only lots
 * and EXCLUDED_FROM_CATEGORIES; every spectrum cap, counting existing holdings where the cap says so and spectrum as
 * the directive counts it; eligibility points of the demand at most the bidder's; REQUIRES_WIN_IN_BANDS; the deposit.
 *
 * <p><b>Cross-band conditions at submission.</b> "Only winners of at least 2x10 MHz in 2100 may bid for 1800" (2014)
 * is read as: an offer (or a package) that demands any of the condition's categories must itself demand at least
 * {@code minMhz} in the required bands. Whether those MHz are actually won is settled later: at once when the
 * required bands are awarded at reserve, or in the escalation stage (then {@link PreBidOffers} records the condition
 * as pending).
 *
 * <p><b>Deposits.</b> A pre-bid offer needs {@code DepositRule.requiredFor(reserve value of the demand)}: FIXED the
 * amount, PERCENT_OF_RESERVE and PERCENT_OF_BID_VALUE the percentage of the demand's value at reserve (the bid value
 * of an offer at reserve is its reserve value). For package bids, where at most one package wins, the deposit must
 * cover the most demanding package: the percentage of its reserve value (PERCENT_OF_RESERVE) or of its amount
 * (PERCENT_OF_BID_VALUE).
 */
public final class SealedRules {

    /** Package ids: 1-40 letters, digits, '_' or '-' (no '.', which joins bidder and package in wdp bid ids). */
    public static final Pattern PACKAGE_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private SealedRules() {
    }

    public static Decision<DemandOffer> checkOffer(PolicyDirective d, Stage.SealedDemandAtReserve stage,
                                                   Bidder bidder, DemandOffer offer) {
        Map<String, Integer> demand = offer.demand();
        Optional<Decision<DemandOffer>> broken = SealedRules.<DemandOffer>bidderIsQualified(bidder)
                .or(() -> offerIsTheBidders(bidder, offer.bidder()))
                .or(() -> quantitiesAreOnOffer(d, stage.categories(), bidder, demand, ""))
                .or(() -> capsHold(d, bidder, demand, ""))
                .or(() -> eligibilityCovers(d, bidder, demand, ""))
                .or(() -> crossBandConditionsHold(d, bidder, demand, ""))
                .or(() -> depositCovers(d, bidder, Qualification.reserveValue(d, demand),
                        Qualification.reserveValue(d, demand)));
        return broken.orElseGet(() -> Decision.allowed(offer));
    }

    public static Decision<PackageOffer> checkPackages(PolicyDirective d, Stage.SealedPackage stage, Bidder bidder,
                                                       PackageOffer offer) {
        Optional<Decision<PackageOffer>> broken = SealedRules.<PackageOffer>bidderIsQualified(bidder)
                .or(() -> offerIsTheBidders(bidder, offer.bidder()))
                .or(() -> packageCountWithinLimit(stage, offer));
        if (broken.isPresent()) {
            return broken.get();
        }
        Set<String> ids = new HashSet<>();
        Money largestReserve = Money.ZERO;
        Money largestAmount = Money.ZERO;
        for (PackageBid bid : offer.bids()) {
            String of = " (package " + bid.id() + ")";
            broken = SealedRules.<PackageOffer>packageIdIsValid(bid, ids)
                    .or(() -> SealedRules.<PackageOffer>packageIsNotEmpty(bid));
            if (broken.isPresent()) {
                return broken.get();
            }
            Decision<Map<String, Integer>> counted = categoryCounts(d, bid.lots(), of);
            if (counted instanceof Decision.Rejected<Map<String, Integer>> r) {
                return Decision.rejected(r.reason(), r.message());
            }
            Map<String, Integer> demand = ((Decision.Allowed<Map<String, Integer>>) counted).value();
            Money reserve = Qualification.reserveValue(d, demand);
            broken = SealedRules.<PackageOffer>quantitiesAreOnOffer(d, stage.categories(), bidder, demand, of)
                    .or(() -> amountCoversReserve(bid, reserve))
                    .or(() -> capsHold(d, bidder, demand, of))
                    .or(() -> eligibilityCovers(d, bidder, demand, of))
                    .or(() -> crossBandConditionsHold(d, bidder, demand, of));
            if (broken.isPresent()) {
                return broken.get();
            }
            largestReserve = largestReserve.compareTo(reserve) >= 0 ? largestReserve : reserve;
            largestAmount = largestAmount.compareTo(bid.amount()) >= 0 ? largestAmount : bid.amount();
        }
        Optional<Decision<PackageOffer>> deposit = depositCovers(d, bidder, largestReserve, largestAmount);
        return deposit.orElseGet(() -> Decision.allowed(offer));
    }

    // --- the rules, one function each

    /** Only a QUALIFIED bidder may submit sealed bids. */
    static <T> Optional<Decision<T>> bidderIsQualified(Bidder bidder) {
        if (bidder.status() == Bidder.Status.QUALIFIED) {
            return Optional.empty();
        }
        return Optional.of(Decision.rejected(ReasonCode.NOT_QUALIFIED,
                "bidder " + bidder.id() + " is " + bidder.status() + "; only QUALIFIED bidders submit sealed bids"));
    }

    /** An offer names the bidder that submits it. */
    static <T> Optional<Decision<T>> offerIsTheBidders(Bidder bidder, String offerBidder) {
        if (bidder.id().equals(offerBidder)) {
            return Optional.empty();
        }
        return Optional.of(Decision.rejected(ReasonCode.OFFER_OF_ANOTHER_BIDDER,
                "the offer names bidder " + offerBidder + " but is submitted by " + bidder.id()));
    }

    /**
     * Every category exists and is in the stage's scope; each quantity is at least 0, at most the supply, at most
     * maxBlocksPerBidder and, when positive, at least minBlocksPerBidder; new-entrant-only categories and categories
     * the bidder is excluded from are demanded only at 0.
     */
    static <T> Optional<Decision<T>> quantitiesAreOnOffer(PolicyDirective d, List<String> scope, Bidder bidder,
                                                          Map<String, Integer> demand, String of) {
        for (var entry : new TreeMap<>(demand).entrySet()) {
            String id = entry.getKey();
            int q = entry.getValue();
            Optional<LotCategory> found = d.lotCategory(id);
            if (found.isEmpty()) {
                return reject(ReasonCode.UNKNOWN_CATEGORY, "lot category " + id + " is not offered" + of);
            }
            LotCategory c = found.get();
            if (!scope.isEmpty() && !scope.contains(id)) {
                return reject(ReasonCode.CATEGORY_NOT_IN_STAGE, "lot category " + id
                        + " is not sold in this stage, which covers " + scope + of);
            }
            if (q < 0) {
                return reject(ReasonCode.NEGATIVE_QUANTITY, "demand for " + id + " is " + q
                        + " blocks; a quantity is at least 0" + of);
            }
            if (q > c.blocks()) {
                return reject(ReasonCode.DEMAND_EXCEEDS_SUPPLY, "demand for " + id + " is " + q + " blocks; only "
                        + c.blocks() + " are offered" + of);
            }
            if (c.maxBlocksPerBidder().isPresent() && q > c.maxBlocksPerBidder().getAsInt()) {
                return reject(ReasonCode.ABOVE_MAX_BLOCKS, "demand for " + id + " is " + q + " blocks; a bidder may "
                        + "demand at most " + c.maxBlocksPerBidder().getAsInt() + of);
            }
            if (q > 0 && c.minBlocksPerBidder().isPresent() && q < c.minBlocksPerBidder().getAsInt()) {
                return reject(ReasonCode.BELOW_MIN_BLOCKS, "demand for " + id + " is " + q + " blocks; a bidder "
                        + "demanding it must take at least " + c.minBlocksPerBidder().getAsInt() + of);
            }
            if (q > 0 && c.newEntrantsOnly() && !bidder.newEntrant()) {
                return reject(ReasonCode.NEW_ENTRANTS_ONLY, "lot category " + id + " is reserved for new entrants"
                        + of);
            }
            Optional<EligibilityCondition> exclusion = Registration.exclusionOf(d, id, bidder.newEntrant());
            if (q > 0 && exclusion.isPresent()) {
                return reject(ReasonCode.EXCLUDED_CATEGORY, "condition " + exclusion.get().id()
                        + " excludes this bidder from lot category " + id + of);
            }
        }
        return Optional.empty();
    }

    /** Every cap holds for what the bidder already holds (where the cap counts holdings) plus the demand. */
    static <T> Optional<Decision<T>> capsHold(PolicyDirective d, Bidder bidder, Map<String, Integer> demand,
                                              String of) {
        for (SpectrumCap cap : d.spectrumCaps()) {
            Mhz held = held(bidder, cap);
            Mhz total = held.plus(Registration.demandMhz(d, demand, cap));
            if (total.compareTo(cap.limit()) > 0) {
                return reject(ReasonCode.SPECTRUM_CAP, "holdings of " + held + " MHz and the demand bring "
                        + bidder.id() + " to " + total + " MHz, above cap " + cap.id() + " of " + cap.limit()
                        + " MHz" + of);
            }
        }
        return Optional.empty();
    }

    /** The eligibility points of the demand are at most the bidder's eligibility. */
    static <T> Optional<Decision<T>> eligibilityCovers(PolicyDirective d, Bidder bidder, Map<String, Integer> demand,
                                                       String of) {
        int points = points(d, demand);
        if (points <= bidder.eligibilityPoints()) {
            return Optional.empty();
        }
        return reject(ReasonCode.ELIGIBILITY_EXCEEDED, "the demand needs " + points + " eligibility points; "
                + bidder.id() + " has " + bidder.eligibilityPoints() + of);
    }

    /**
     * REQUIRES_WIN_IN_BANDS at submission: demanding any of the condition's categories needs, in the same offer or
     * package, at least minMhz in the required bands.
     */
    static <T> Optional<Decision<T>> crossBandConditionsHold(PolicyDirective d, Bidder bidder,
                                                             Map<String, Integer> demand, String of) {
        for (EligibilityCondition c : d.eligibilityConditions()) {
            if (c.type() != EligibilityCondition.Type.REQUIRES_WIN_IN_BANDS || !c.appliesTo(bidder.newEntrant())) {
                continue;
            }
            boolean demandsConditional = c.categories().stream().anyMatch(cat -> demand.getOrDefault(cat, 0) > 0);
            if (!demandsConditional) {
                continue;
            }
            Mhz required = c.minMhz().orElse(Mhz.ZERO);
            Mhz inRequired = mhzIn(d, demand, c.requiredBands());
            if (inRequired.compareTo(required) < 0) {
                return reject(ReasonCode.CROSS_BAND_CONDITION, "condition " + c.id() + ": demanding " + c.categories()
                        + " needs at least " + required + " MHz demanded in " + c.requiredBands() + ", the offer has "
                        + inRequired + " MHz" + of);
            }
        }
        return Optional.empty();
    }

    /** The bidder's deposit covers what the directive's deposit rule requires of this demand. */
    static <T> Optional<Decision<T>> depositCovers(PolicyDirective d, Bidder bidder, Money reserveValue,
                                                   Money bidValue) {
        DepositRule rule = d.deposit();
        Money required = rule.basis() == DepositRule.Basis.PERCENT_OF_BID_VALUE
                ? rule.requiredFor(bidValue) : rule.requiredFor(reserveValue);
        if (bidder.deposit().compareTo(required) >= 0) {
            return Optional.empty();
        }
        return reject(ReasonCode.DEPOSIT_BELOW_REQUIRED, "deposit " + bidder.deposit() + " is below the "
                + required + " required (" + rule.basis() + rule.percent().map(p -> " " + p + "%").orElse("")
                + ")");
    }

    /** At most maxPackagesPerBidder packages (XOR: at most one of them wins). */
    static <T> Optional<Decision<T>> packageCountWithinLimit(Stage.SealedPackage stage, PackageOffer offer) {
        if (offer.bids().size() <= stage.maxPackagesPerBidder()) {
            return Optional.empty();
        }
        return reject(ReasonCode.TOO_MANY_PACKAGES, offer.bids().size() + " packages submitted; at most "
                + stage.maxPackagesPerBidder() + " per bidder in stage " + stage.id());
    }

    /** Package ids follow {@link #PACKAGE_ID} and are unique within the offer. */
    static <T> Optional<Decision<T>> packageIdIsValid(PackageBid bid, Set<String> seen) {
        if (!PACKAGE_ID.matcher(bid.id()).matches()) {
            return reject(ReasonCode.INVALID_PACKAGE_ID, "package id '" + bid.id()
                    + "' must be 1-40 letters, digits, '_' or '-'");
        }
        if (!seen.add(bid.id())) {
            return reject(ReasonCode.DUPLICATE_PACKAGE_ID, "package id " + bid.id() + " is used twice");
        }
        return Optional.empty();
    }

    /** A package names at least one block. */
    static <T> Optional<Decision<T>> packageIsNotEmpty(PackageBid bid) {
        if (bid.lots().values().stream().anyMatch(q -> q != 0)) {
            return Optional.empty();
        }
        return reject(ReasonCode.EMPTY_PACKAGE, "package " + bid.id() + " names no block");
    }

    /** A package's amount is at least its reserve value (Σ blocks × reserve per block). */
    static <T> Optional<Decision<T>> amountCoversReserve(PackageBid bid, Money reserve) {
        if (bid.amount().compareTo(reserve) >= 0) {
            return Optional.empty();
        }
        return reject(ReasonCode.BELOW_PACKAGE_RESERVE, "package " + bid.id() + " bids " + bid.amount()
                + ", below its reserve value " + reserve);
    }

    // --- helpers

    /**
     * A package's lots as blocks per category: a generic category by its id, a specific block by its lot id
     * ({@code P3-B2}, at most 1). A specific category named by its category id is refused: its blocks differ.
     */
    static Decision<Map<String, Integer>> categoryCounts(PolicyDirective d, Map<String, Integer> lots, String of) {
        Map<String, String> specific = specificLots(d);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (var entry : new TreeMap<>(lots).entrySet()) {
            String key = entry.getKey();
            int q = entry.getValue();
            Optional<LotCategory> category = d.lotCategory(key);
            if (category.isPresent() && category.get().kind() == LotCategory.LotKind.GENERIC) {
                counts.merge(key, q, Integer::sum);
            } else if (specific.containsKey(key)) {
                if (q < 0 || q > 1) {
                    return Decision.rejected(q < 0 ? ReasonCode.NEGATIVE_QUANTITY : ReasonCode.DEMAND_EXCEEDS_SUPPLY,
                            "specific lot " + key + " is one block; the quantity must be 0 or 1, not " + q + of);
                }
                counts.merge(specific.get(key), q, Integer::sum);
            } else if (category.isPresent()) {
                return Decision.rejected(ReasonCode.UNKNOWN_LOT, "lot category " + key
                        + " has specific blocks; name them by lot id (" + key + "-" + category.get().specificBlocks()
                        .get(0).id() + ", ...)" + of);
            } else {
                return Decision.rejected(ReasonCode.UNKNOWN_LOT, key + " is neither a generic lot category nor a "
                        + "specific lot of the directive" + of);
            }
        }
        return Decision.allowed(counts);
    }

    /** Lot id of each specific block → its category. */
    static Map<String, String> specificLots(PolicyDirective d) {
        Map<String, String> specific = new LinkedHashMap<>();
        for (Lots.Lot lot : Lots.of(d)) {
            if (lot.frequencies().isPresent()) {
                specific.put(lot.id(), lot.category());
            }
        }
        return specific;
    }

    static int points(PolicyDirective d, Map<String, Integer> demand) {
        int points = 0;
        for (var entry : demand.entrySet()) {
            points += d.lotCategory(entry.getKey()).orElseThrow().eligibilityPointsPerBlock() * entry.getValue();
        }
        return points;
    }

    static Mhz held(Bidder bidder, SpectrumCap cap) {
        if (!cap.includesExistingHoldings()) {
            return Mhz.ZERO;
        }
        return cap.bands().stream().map(b -> bidder.holdings().getOrDefault(b, Mhz.ZERO)).reduce(Mhz.ZERO, Mhz::plus);
    }

    /** MHz of a demand in the given bands, counted as the directive counts spectrum. */
    static Mhz mhzIn(PolicyDirective d, Map<String, Integer> demand, List<String> bands) {
        Mhz total = Mhz.ZERO;
        for (var entry : demand.entrySet()) {
            LotCategory c = d.lotCategory(entry.getKey()).orElseThrow();
            if (bands.contains(c.band()) && entry.getValue() > 0) {
                total = total.plus(blockMhz(d, c).times(entry.getValue()));
            }
        }
        return total;
    }

    /** The MHz one block of {@code c} counts, as the directive counts spectrum. */
    static Mhz blockMhz(PolicyDirective d, LotCategory c) {
        Band band = d.band(c.band()).orElseThrow();
        return d.spectrumCounting().count(c.blockMhz(), band.duplex());
    }

    private static <T> Optional<Decision<T>> reject(ReasonCode reason, String message) {
        return Optional.of(Decision.rejected(reason, message));
    }
}
