package org.ngms.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person or system that holds credentials. An operator account is bound to one bidder organisation: the bidder id
 * it acts for in every auction ("jazz"); other roles are bound to none.
 */
public record Account(String id, Role role, Optional<String> organisation, String displayName, Instant createdAt) {

    public static final String ID_PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!id.matches(ID_PATTERN)) {
            throw new IllegalArgumentException("account id must match " + ID_PATTERN + ": " + id);
        }
        if ((role == Role.OPERATOR) != organisation.isPresent()) {
            throw new IllegalArgumentException("an operator account, and only an operator account, names the "
                    + "organisation it acts for: " + id);
        }
    }
}
