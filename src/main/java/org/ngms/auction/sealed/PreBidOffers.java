package org.ngms.auction.sealed;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ngms.audit.Randomness;
import org.ngms.auction.Bidder;
import org.ngms.auction.Decision;
import org.ngms.auction.ReasonCode;
import org.ngms.auction.sealed.PreBidOutcome.Award;
import org.ngms.auction.sealed.PreBidOutcome.Escalation;
import org.ngms.auction.sealed.PreBidOutcome.PendingCondition;
import org.ngms.directive.EligibilityCondition;
import org.ngms.directive.LotCategory;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.SpecificBlock;
import org.ngms.directive.Stage;
import org.ngms.shared.Money;

/**
 * Pre-bid offers at reserve (PTA 2014-2021), evaluated once the sealed stage closes.
 * <ol>
 *   <li>Every offer is checked again by {@link SealedRules#checkOffer}. A qualified bidder without an offer, or whose
 *       offer breaks a rule, is excluded ("a bidder with no valid offer is excluded"); so is a bidder with two offers
 *       and an offer from a bidder not among the qualified. An offer of zeros is valid: no demand, not excluded.</li>
 *   <li>Per category in the stage's scope, valid demand is added up. At most the supply: each bidder is awarded its
 *       demand at the reserve price, the rest is unsold. Above the supply: the category escalates to
 *       {@code escalateTo} with every bidder's demand; when there is no such stage, or its category list leaves the
 *       category out, the status says so and nothing is awarded in it.</li>
 *   <li>Under {@code escalation: BAND}, an over-demanded category that escalates takes along every other category
 *       of its band and licence area in the stage's scope and in the escalation stage's: each escalates too, with
 *       each bidder's demand (possibly none; total at most the supply), and nothing is awarded or unsold in it here.
 *       Other bands are decided as above.</li>
 *   <li>Specific lots: bidders are ordered by ascending tie number (the first 8 bytes, unsigned, of
 *       HMAC-SHA-256(seed, "sealed/STAGE/CATEGORY/BIDDER")), ties by id; taking the blocks in the directive's order,
 *       the first bidder gets the first blocks it demanded, the next bidder the following ones, so each winner's
 *       blocks are consecutive in the directive's list.</li>
 *   <li>REQUIRES_WIN_IN_BANDS conditions of a bidder that demanded the conditional categories stay pending when any
 *       category of a required band escalated; when none did, SealedRules has already made sure the bidder demanded,
 *       and is therefore awarded, at least the required MHz.</li>
 * </ol>
 * Output lists are sorted (awards in the directive's category order, then by bidder; exclusions and conditions by bidder), so equal input and
 * seed give an equal outcome.
 */
public final class PreBidOffers {

    private PreBidOffers() {
    }

    public static PreBidOutcome evaluate(PolicyDirective d, Stage.SealedDemandAtReserve stage, List<Bidder> qualified,
                                         List<DemandOffer> offers, byte[] seed) {
        Map<String, Bidder> bidders = new TreeMap<>();
        qualified.forEach(b -> bidders.put(b.id(), b));
        Map<String, List<DemandOffer>> offersBy = new TreeMap<>();
        offers.forEach(o -> offersBy.computeIfAbsent(o.bidder(), k -> new ArrayList<>()).add(o));

        List<Exclusion> exclusions = new ArrayList<>();
        Map<String, DemandOffer> valid = new TreeMap<>();
        for (Bidder bidder : bidders.values()) {
            List<DemandOffer> own = offersBy.getOrDefault(bidder.id(), List.of());
            if (own.isEmpty()) {
                exclusions.add(new Exclusion(bidder.id(), ReasonCode.DEMAND_REQUIRED,
                        "no pre-bid offer: a bidder with no valid offer is excluded"));
            } else if (own.size() > 1) {
                exclusions.add(new Exclusion(bidder.id(), ReasonCode.DEMAND_REQUIRED,
                        own.size() + " pre-bid offers; exactly one is counted, so none is valid"));
            } else if (SealedRules.checkOffer(d, stage, bidder, own.get(0))
                    instanceof Decision.Rejected<DemandOffer> r) {
                exclusions.add(new Exclusion(bidder.id(), r.reason(), r.message()));
            } else {
                valid.put(bidder.id(), own.get(0));
            }
        }
        for (String stranger : offersBy.keySet()) {
            if (!bidders.containsKey(stranger)) {
                exclusions.add(new Exclusion(stranger, ReasonCode.NOT_QUALIFIED,
                        "an offer from " + stranger + ", who is not among the qualified bidders"));
            }
        }
        exclusions.sort(Comparator.comparing(Exclusion::bidder));

        List<LotCategory> scope = inScope(d, stage);
        Map<String, Map<String, Integer>> demandOf = new LinkedHashMap<>();
        for (LotCategory c : scope) {
            Map<String, Integer> demand = new TreeMap<>();
            valid.forEach((bidder, offer) -> {
                if (offer.blocksOf(c.id()) > 0) {
                    demand.put(bidder, offer.blocksOf(c.id()));
                }
            });
            demandOf.put(c.id(), demand);
        }
        List<String> pulledAlong = stage.escalation() == Stage.Escalation.BAND
                ? pulledAlong(d, stage, scope, demandOf) : List.of();

        List<Award> awards = new ArrayList<>();
        List<Escalation> escalations = new ArrayList<>();
        Map<String, Integer> unsold = new TreeMap<>();
        boolean stranded = false;
        for (LotCategory c : scope) {
            Map<String, Integer> demand = demandOf.get(c.id());
            int total = total(demand);
            if (total > c.blocks()) {
                Optional<String> target = escalationTarget(d, stage, c.id());
                stranded |= target.isEmpty();
                escalations.add(new Escalation(c.id(), target, c.blocks(), total, demand));
                continue;
            }
            if (pulledAlong.contains(c.id())) {
                escalations.add(new Escalation(c.id(), escalationTarget(d, stage, c.id()), c.blocks(), total,
                        demand));
                continue;
            }
            awards.addAll(awardAtReserve(c, stage, demand, seed));
            if (total < c.blocks()) {
                unsold.put(c.id(), c.blocks() - total);
            }
        }
        PreBidOutcome.Status status = stranded ? PreBidOutcome.Status.OVER_DEMANDED_WITHOUT_ESCALATION
                : escalations.isEmpty() ? PreBidOutcome.Status.DECIDED : PreBidOutcome.Status.ESCALATED;
        Money revenue = awards.stream().map(Award::total).reduce(Money.ZERO, Money::plus);
        return new PreBidOutcome(stage.id(), status, awards, escalations, exclusions,
                pendingConditions(d, valid, bidders, escalations), unsold, revenue);
    }

    private static int total(Map<String, Integer> demand) {
        return demand.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Under {@code escalation: BAND}, the categories that are not over-demanded themselves but escalate with one that
     * is: in the stage's scope, of the same band and licence area as an over-demanded category that has a stage to
     * go to, and in that stage's scope. A category whose over-demanded band mate has nowhere to go stays decided.
     */
    static List<String> pulledAlong(PolicyDirective d, Stage.SealedDemandAtReserve stage, List<LotCategory> scope,
                                    Map<String, Map<String, Integer>> demandOf) {
        List<String> pulled = new ArrayList<>();
        for (LotCategory c : scope) {
            if (total(demandOf.get(c.id())) > c.blocks() || escalationTarget(d, stage, c.id()).isEmpty()) {
                continue;
            }
            boolean bandEscalates = scope.stream()
                    .filter(o -> o.band().equals(c.band()) && o.area().equals(c.area()))
                    .anyMatch(o -> total(demandOf.get(o.id())) > o.blocks()
                            && escalationTarget(d, stage, o.id()).isPresent());
            if (bandEscalates) {
                pulled.add(c.id());
            }
        }
        return pulled;
    }

    /** The categories a stage covers, in the directive's order; an empty list means every category. */
    static List<LotCategory> inScope(PolicyDirective d, Stage stage) {
        return d.lotCategories().stream()
                .filter(c -> stage.categories().isEmpty() || stage.categories().contains(c.id()))
                .toList();
    }

    /** The stage an over-demanded category goes to: escalateTo, if it exists and its scope includes the category. */
    static Optional<String> escalationTarget(PolicyDirective d, Stage.SealedDemandAtReserve stage, String category) {
        return stage.escalateTo()
                .flatMap(d::stage)
                .filter(s -> s.categories().isEmpty() || s.categories().contains(category))
                .map(Stage::id);
    }

    /** Each bidder gets its demand at reserve; specific blocks go out in tie-number order (see the class comment). */
    static List<Award> awardAtReserve(LotCategory c, Stage stage, Map<String, Integer> demand, byte[] seed) {
        List<Award> awards = new ArrayList<>();
        if (c.kind() == LotCategory.LotKind.GENERIC) {
            demand.forEach((bidder, blocks) -> awards.add(new Award(bidder, c.id(), blocks, List.of(),
                    c.reservePerBlock(), c.reservePerBlock().times(blocks))));
            return awards;
        }
        List<String> order = new ArrayList<>(demand.keySet());
        Map<String, BigInteger> tie = new LinkedHashMap<>();
        order.forEach(b -> tie.put(b, tieNumber(seed, stage.id(), c.id(), b)));
        order.sort(Comparator.comparing((String b) -> tie.get(b)).thenComparing(b -> b));
        int next = 0;
        for (String bidder : order) {
            int blocks = demand.get(bidder);
            List<String> lotIds = new ArrayList<>();
            for (SpecificBlock block : c.specificBlocks().subList(next, next + blocks)) {
                lotIds.add(c.id() + "-" + block.id());
            }
            next += blocks;
            awards.add(new Award(bidder, c.id(), blocks, lotIds, c.reservePerBlock(),
                    c.reservePerBlock().times(blocks)));
        }
        awards.sort(Comparator.comparing(Award::bidder));
        return awards;
    }

    /** The first 8 bytes, unsigned, of HMAC-SHA-256(seed, "sealed/STAGE/CATEGORY/BIDDER"). */
    public static BigInteger tieNumber(byte[] seed, String stage, String category, String bidder) {
        byte[] mac = Randomness.derive(seed, "sealed/" + stage + "/" + category + "/" + bidder);
        byte[] first = new byte[8];
        System.arraycopy(mac, 0, first, 0, 8);
        return new BigInteger(1, first);
    }

    static List<PendingCondition> pendingConditions(PolicyDirective d, Map<String, DemandOffer> valid,
                                                    Map<String, Bidder> bidders, List<Escalation> escalations) {
        List<PendingCondition> pending = new ArrayList<>();
        for (var entry : valid.entrySet()) {
            Bidder bidder = bidders.get(entry.getKey());
            DemandOffer offer = entry.getValue();
            for (EligibilityCondition c : d.eligibilityConditions()) {
                if (c.type() != EligibilityCondition.Type.REQUIRES_WIN_IN_BANDS
                        || !c.appliesTo(bidder.newEntrant())
                        || c.categories().stream().noneMatch(cat -> offer.blocksOf(cat) > 0)) {
                    continue;
                }
                boolean requiredEscalated = escalations.stream()
                        .map(e -> d.lotCategory(e.category()).orElseThrow().band())
                        .anyMatch(c.requiredBands()::contains);
                if (requiredEscalated) {
                    pending.add(new PendingCondition(bidder.id(), c.id(), c.categories(), c.requiredBands(),
                            c.minMhz().map(Object::toString).orElse("0")));
                }
            }
        }
        return pending;
    }
}
