package org.ngms.auction;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.ngms.shared.Mhz;
import org.ngms.shared.Money;

/**
 * An applicant in one auction: its organisation, whether it is a new entrant, the spectrum it already holds (counted
 * in caps), its pre-bid deposit and the demand named in its application. Qualification decides its status, its
 * eligibility points and the conditions that apply to it.
 */
public record Bidder(
        String id,
        String organisation,
        boolean newEntrant,
        Map<String, Mhz> holdings,
        Money deposit,
        Map<String, Integer> requestedDemand,
        Status status,
        int eligibilityPoints,
        List<AppliedCondition> conditions,
        Optional<String> decisionReason,
        Instant registeredAt,
        Optional<Instant> decidedAt) {

    public Bidder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organisation, "organisation");
        holdings = Map.copyOf(new TreeMap<>(holdings));
        Objects.requireNonNull(deposit, "deposit");
        requestedDemand = Map.copyOf(requestedDemand);
        requestedDemand.forEach((category, blocks) -> {
            if (blocks < 0) {
                throw new IllegalArgumentException("requested demand for " + category + " must not be negative");
            }
        });
        Objects.requireNonNull(status, "status");
        if (eligibilityPoints < 0) {
            throw new IllegalArgumentException("eligibilityPoints must not be negative: " + eligibilityPoints);
        }
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(decisionReason, "decisionReason");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    /** A registered applicant that qualification has not decided yet. */
    public static Bidder registered(String id, String organisation, boolean newEntrant, Map<String, Mhz> holdings,
                                    Money deposit, Map<String, Integer> requestedDemand, Instant at) {
        return new Bidder(id, organisation, newEntrant, holdings, deposit, requestedDemand, Status.REGISTERED, 0,
                List.of(), Optional.empty(), at, Optional.empty());
    }

    public Bidder qualified(int points, List<AppliedCondition> applied, Instant at) {
        return new Bidder(id, organisation, newEntrant, holdings, deposit, requestedDemand, Status.QUALIFIED, points,
                applied, Optional.empty(), registeredAt, Optional.of(at));
    }

    public Bidder disqualified(String reason, Instant at) {
        return new Bidder(id, organisation, newEntrant, holdings, deposit, requestedDemand, Status.DISQUALIFIED, 0,
                List.of(), Optional.of(reason), registeredAt, Optional.of(at));
    }

    public enum Status { REGISTERED, QUALIFIED, DISQUALIFIED }

    /**
     * An eligibility condition of the directive as it applies to this bidder: {@code PENDING} until the auction can
     * check it (a cross-band win), {@code IN_FORCE} while bidding (a first-round minimum), {@code EXCLUDED} from
     * categories.
     */
    public record AppliedCondition(String conditionId, String type, ConditionStatus status, String detail) {
        public AppliedCondition {
            Objects.requireNonNull(conditionId, "conditionId");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(detail, "detail");
        }
    }

    public enum ConditionStatus { PENDING, IN_FORCE, EXCLUDED }
}
