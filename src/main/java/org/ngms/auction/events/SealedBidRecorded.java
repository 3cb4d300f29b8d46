package org.ngms.auction.events;

import java.util.Optional;
import java.util.UUID;

import org.ngms.audit.AuditEvent;
import org.ngms.shared.JsonFields;

/**
 * {@code SEALED_BID_SUBMITTED} or {@code SEALED_BID_WITHDRAWN}: a version of a bidder's sealed bid exists and what
 * it commits to (the SHA-256 of the salted canonical bid), never what it contains. For a submission the
 * commitment stands for the request's hash, so the receipt proves the bid without revealing it.
 */
public record SealedBidRecorded(UUID auction, String stage, String bidder, int version, Optional<String> commitment)
        implements AuditEvent.Requested {

    @Override
    public String type() {
        return commitment.isPresent() ? "SEALED_BID_SUBMITTED" : "SEALED_BID_WITHDRAWN";
    }

    @Override
    public tools.jackson.databind.node.ObjectNode payload() {
        var facts = JsonFields.object().put("bidder", bidder).put("stage", stage).put("version", version);
        commitment.ifPresent(c -> facts.put("commitment", c));
        return facts;
    }

    @Override
    public tools.jackson.databind.node.ObjectNode request() {
        String action = commitment.isPresent() ? "SUBMITTED_SEALED_BID" : "WITHDRAWN_SEALED_BID";
        return JsonFields.object().put("action", action).put("auction", auction.toString()).put("stage", stage)
                .put("bidder", bidder).put("version", version);
    }

    @Override
    public Optional<String> requestSha256() {
        return commitment;
    }
}
