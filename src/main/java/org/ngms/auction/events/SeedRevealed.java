package org.ngms.auction.events;

import java.util.UUID;

import org.ngms.audit.AuditEvent;
import org.ngms.audit.Randomness;
import org.ngms.shared.JsonFields;

import tools.jackson.databind.node.ObjectNode;

/**
 * {@code SEED_REVEALED}: the auction has ended and its secret seed is published; anyone can check it against the
 * commitment of {@code AUCTION_CREATED} and recompute every tie number drawn from it.
 */
public record SeedRevealed(UUID auction, byte[] seed) implements AuditEvent {

    public static final String TYPE = "SEED_REVEALED";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode payload() {
        return JsonFields.object().put("auction", auction.toString()).put("seed", Randomness.hex(seed));
    }
}
