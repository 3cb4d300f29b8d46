package org.ngms.auction.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.ngms.audit.AuditEvent;
import org.ngms.auction.Bidder;
import org.ngms.auction.Registration;
import org.ngms.shared.JsonFields;
import org.ngms.shared.Mhz;
import org.ngms.shared.Money;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code BIDDER_REGISTERED}, {@code BIDDER_QUALIFIED}, {@code BIDDER_DISQUALIFIED}: a bidder as it stands after the
 * change (status, deposit, eligibility points, holdings, requested demand, eligibility conditions, reason), which is
 * what a later stage (and the verifier) starts from. The request is the application, or the decision asked for.
 */
public record BidderRecorded(Change change, UUID auction, Bidder bidder,
                             Optional<Registration.Application> application, Optional<String> reason)
        implements AuditEvent.Requested {

    /** What happened to the bidder. */
    public enum Change { REGISTERED, QUALIFIED, DISQUALIFIED }

    public static BidderRecorded registered(UUID auction, Bidder bidder, Registration.Application application) {
        return new BidderRecorded(Change.REGISTERED, auction, bidder, Optional.of(application), Optional.empty());
    }

    public static BidderRecorded qualified(UUID auction, Bidder bidder) {
        return new BidderRecorded(Change.QUALIFIED, auction, bidder, Optional.empty(), Optional.empty());
    }

    public static BidderRecorded disqualified(UUID auction, Bidder bidder, String reason) {
        return new BidderRecorded(Change.DISQUALIFIED, auction, bidder, Optional.empty(), Optional.ofNullable(reason));
    }

    @Override
    public String type() {
        return "BIDDER_" + change.name();
    }

    /**
     * A bidder as a BIDDER_* record's {@code payload.bidder} states it (the inverse of {@link #payload}), strictly:
     * a missing or mistyped field is an {@link IllegalArgumentException} naming it. The record's times are not in it:
     * when it registered and was decided on are the times of its records.
     */
    public static Bidder readBidder(JsonNode b, Instant registeredAt, Optional<Instant> decidedAt) {
        Map<String, Mhz> holdings = new TreeMap<>();
        JsonNode h = b.path("holdings");
        if (!h.isMissingNode() && !h.isObject()) {
            throw new IllegalArgumentException("holdings is not an object");
        }
        h.properties().forEach(e -> {
            if (!e.getValue().isString()) {
                throw new IllegalArgumentException("holdings." + e.getKey() + " is not MHz text");
            }
            holdings.put(e.getKey(), Mhz.parse(e.getValue().stringValue()));
        });
        List<Bidder.AppliedCondition> conditions = new ArrayList<>();
        for (JsonNode c : b.path("conditions")) {
            conditions.add(new Bidder.AppliedCondition(JsonFields.text(c, "conditionId"), JsonFields.text(c, "type"),
                    Bidder.ConditionStatus.valueOf(JsonFields.text(c, "status")), JsonFields.text(c, "detail")));
        }
        JsonNode deposit = b.path("deposit");
        if (!deposit.isIntegralNumber()) {
            throw new IllegalArgumentException("deposit is not a whole amount");
        }
        Optional<String> reason = b.path("decisionReason").isString()
                ? Optional.of(b.get("decisionReason").stringValue()) : Optional.empty();
        JsonNode newEntrant = b.path("newEntrant");
        if (!newEntrant.isBoolean()) {
            throw new IllegalArgumentException("newEntrant is not true or false");
        }
        return new Bidder(JsonFields.text(b, "id"), JsonFields.text(b, "organisation"), newEntrant.booleanValue(),
                holdings, Money.of(deposit.longValue()), JsonFields.counts(b, "requestedDemand"),
                Bidder.Status.valueOf(JsonFields.text(b, "status")), JsonFields.integer(b, "eligibilityPoints"),
                conditions, reason, registeredAt, decidedAt);
    }

    @Override
    public ObjectNode payload() {
        ObjectNode facts = JsonFields.object();
        facts.set("bidder", AuctionJson.bidder(bidder));
        return facts;
    }

    @Override
    public ObjectNode request() {
        return switch (change) {
            case REGISTERED -> AuctionJson.application(auction, application.orElseThrow());
            case QUALIFIED -> AuctionJson.action("QUALIFY_BIDDER", auction).put("bidder", bidder.id());
            case DISQUALIFIED -> AuctionJson.action("DISQUALIFY_BIDDER", auction).put("bidder", bidder.id())
                    .put("reason", reason.orElse("null"));
        };
    }
}
