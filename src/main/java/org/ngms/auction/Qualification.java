package org.ngms.auction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ngms.auction.Bidder.AppliedCondition;
import org.ngms.auction.Bidder.ConditionStatus;
import org.ngms.directive.DepositRule;
import org.ngms.directive.EligibilityCondition;
import org.ngms.directive.LotCategory;
import org.ngms.directive.PolicyDirective;
import org.ngms.shared.Money;

/**
 * Qualifying a registered applicant: its deposit must cover what the directive's deposit rule requires; the deposit
 * then buys eligibility points (every lot the bidder may bid for, or the demand it covers), and each eligibility
 * condition that applies to the bidder is recorded against it.
 */
public final class Qualification {

    private Qualification() {
    }

    public static Decision<Bidder> qualify(PolicyDirective directive, AuctionState state, Bidder bidder, Instant at) {
        if (state != AuctionState.QUALIFICATION) {
            return Decision.rejected(ReasonCode.QUALIFICATION_NOT_OPEN,
                    "bidders are qualified only while the auction is in QUALIFICATION, not " + state);
        }
        if (bidder.status() != Bidder.Status.REGISTERED) {
            return Decision.rejected(ReasonCode.ALREADY_DECIDED, "bidder " + bidder.id() + " is already "
                    + bidder.status());
        }
        DepositRule rule = directive.deposit();
        boolean percentage = rule.basis() != DepositRule.Basis.FIXED;
        int requestedBlocks = bidder.requestedDemand().values().stream().mapToInt(Integer::intValue).sum();
        if ((percentage || rule.eligibility() == DepositRule.Eligibility.DEMAND_COVERED) && requestedBlocks == 0) {
            return Decision.rejected(ReasonCode.DEMAND_REQUIRED, "a " + rule.basis() + " deposit with "
                    + rule.eligibility() + " eligibility needs the demand named in the application");
        }
        Money required = rule.requiredFor(reserveValue(directive, bidder.requestedDemand()));
        if (bidder.deposit().compareTo(required) < 0) {
            return Decision.rejected(ReasonCode.DEPOSIT_BELOW_REQUIRED,
                    "deposit " + bidder.deposit() + " is below the required " + required + " (" + rule.basis() + ")");
        }
        return Decision.allowed(bidder.qualified(eligibilityPoints(directive, bidder), conditions(directive, bidder),
                at));
    }

    public static Decision<Bidder> disqualify(AuctionState state, Bidder bidder, String reason, Instant at) {
        if (state != AuctionState.QUALIFICATION && state != AuctionState.DRAFT) {
            return Decision.rejected(ReasonCode.QUALIFICATION_NOT_OPEN,
                    "bidders are disqualified before bidding opens, not in " + state);
        }
        if (reason == null || reason.isBlank()) {
            return Decision.rejected(ReasonCode.REASON_REQUIRED, "a disqualification must state its reason");
        }
        if (bidder.status() == Bidder.Status.DISQUALIFIED) {
            return Decision.rejected(ReasonCode.ALREADY_DECIDED, "bidder " + bidder.id() + " is already DISQUALIFIED");
        }
        return Decision.allowed(bidder.disqualified(reason.strip(), at));
    }

    /** The reserve value of a demand: blocks times reserve per block, summed over categories. */
    public static Money reserveValue(PolicyDirective directive, Map<String, Integer> demand) {
        Money total = Money.ZERO;
        for (var entry : demand.entrySet()) {
            LotCategory category = directive.lotCategory(entry.getKey()).orElseThrow();
            total = total.plus(category.reservePerBlock().times(entry.getValue()));
        }
        return total;
    }

    /** What the deposit buys: points of every lot the bidder may bid for, or of the demand it named. */
    static int eligibilityPoints(PolicyDirective directive, Bidder bidder) {
        if (directive.deposit().eligibility() == DepositRule.Eligibility.DEMAND_COVERED) {
            return bidder.requestedDemand().entrySet().stream()
                    .mapToInt(e -> directive.lotCategory(e.getKey()).orElseThrow().eligibilityPointsPerBlock()
                            * e.getValue())
                    .sum();
        }
        return directive.lotCategories().stream()
                .filter(c -> !c.newEntrantsOnly() || bidder.newEntrant())
                .filter(c -> Registration.exclusionOf(directive, c.id(), bidder.newEntrant()).isEmpty())
                .mapToInt(c -> c.eligibilityPointsPerBlock() * c.maxBlocksPerBidder().orElse(c.blocks()))
                .sum();
    }

    static List<AppliedCondition> conditions(PolicyDirective directive, Bidder bidder) {
        List<AppliedCondition> applied = new ArrayList<>();
        for (EligibilityCondition c : directive.eligibilityConditions()) {
            if (!c.appliesTo(bidder.newEntrant())) {
                continue;
            }
            applied.add(switch (c.type()) {
                case REQUIRES_WIN_IN_BANDS -> new AppliedCondition(c.id(), c.type().name(), ConditionStatus.PENDING,
                        "may win " + c.categories() + " only after winning at least " + c.minMhz().orElseThrow()
                                + " MHz in " + c.requiredBands());
                case MINIMUM_FIRST_ROUND_DEMAND -> new AppliedCondition(c.id(), c.type().name(),
                        ConditionStatus.IN_FORCE, "must demand at least " + c.minBlocks().orElseThrow() + " blocks of "
                        + c.categories() + " in round 1 of " + c.stage().orElseThrow() + ", else "
                        + c.consequence().orElseThrow());
                case EXCLUDED_FROM_CATEGORIES -> new AppliedCondition(c.id(), c.type().name(),
                        ConditionStatus.EXCLUDED, "may not bid for " + c.categories());
            });
        }
        return applied;
    }
}
