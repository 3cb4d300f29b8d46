package org.ngms.auction;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An auction run under one version of a policy directive. Immutable: a transition returns a new value.
 */
public record Auction(UUID id, String directiveId, int directiveVersion, String directiveSha256, String title,
                      AuctionState state, Schedule schedule, Instant createdAt, Instant updatedAt) {

    public Auction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(directiveId, "directiveId");
        Objects.requireNonNull(directiveSha256, "directiveSha256");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (directiveVersion < 1) {
            throw new IllegalArgumentException("directiveVersion must be at least 1: " + directiveVersion);
        }
    }

    public Auction withState(AuctionState next, Instant at) {
        return new Auction(id, directiveId, directiveVersion, directiveSha256, title, next, schedule, createdAt, at);
    }
}
