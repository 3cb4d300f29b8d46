package org.ngms.shared;

import java.util.Locale;

/**
 * A stable reason code for a refused request or operation (implemented by each capability's enum of codes). It says
 * what rule or state refused it, never how a transport answers: the web adapter maps every code to an HTTP status in
 * one table.
 */
public interface Reason {

    String name();

    /** The code as clients see it: {@code ROUND_CLOSED} is {@code round-closed}. */
    default String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
