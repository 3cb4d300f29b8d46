package org.ngms.auction.events;

import java.util.Optional;

import org.ngms.audit.AuditEvent;
import org.ngms.auction.Auction;
import org.ngms.auction.Schedule;
import org.ngms.shared.JsonFields;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code AUCTION_CREATED}: an auction's first record. It carries the whole directive document (so the transcript
 * stands alone), the schedule as checked and the commitment (SHA-256) to the auction's secret seed; the request
 * names the directive, the version and title asked for, and the schedule as asked.
 */
public record AuctionCreated(Auction auction, String directiveCanonicalJson, Optional<Integer> requestedVersion,
                             Optional<String> requestedTitle, Schedule requestedSchedule, String seedCommitment)
        implements AuditEvent.Requested {

    public static final String TYPE = "AUCTION_CREATED";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode payload() {
        ObjectNode facts = JsonFields.object().put("auction", auction.id().toString()).put("title", auction.title())
                .put("state", auction.state().name()).put("seedCommitment", seedCommitment);
        facts.putObject("directive").put("id", auction.directiveId()).put("version", auction.directiveVersion())
                .put("sha256", auction.directiveSha256()).set("document", JSON.readTree(directiveCanonicalJson));
        facts.set("schedule", AuctionJson.schedule(auction.schedule()));
        return facts;
    }

    @Override
    public ObjectNode request() {
        ObjectNode request = AuctionJson.action("CREATE_AUCTION", auction.id()).put("directiveId", auction.directiveId());
        requestedVersion.ifPresent(v -> request.put("directiveVersion", v));
        requestedTitle.ifPresent(t -> request.put("title", t));
        request.set("schedule", AuctionJson.schedule(requestedSchedule));
        return request;
    }
}
