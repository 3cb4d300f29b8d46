package org.ngms.optimiser.assignment;

/** The ids of markets, winners and options: not blank and free of '/', the separator of tie messages. */
final class Ids {

    private Ids() {
    }

    static void require(String field, String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank: " + id);
        }
        if (id.indexOf('/') >= 0) {
            throw new IllegalArgumentException(field + " must not contain '/': " + id);
        }
    }
}
