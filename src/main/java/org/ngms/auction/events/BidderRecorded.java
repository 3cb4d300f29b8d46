package org.ngms.auction.events;

import java.util.Optional;
import java.util.UUID;

import org.ngms.audit.AuditEvent;
import org.ngms.auction.Bidder;
import org.ngms.auction.Registration;
import org.ngms.shared.JsonFields;

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
