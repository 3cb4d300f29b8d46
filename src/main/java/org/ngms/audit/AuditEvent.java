package org.ngms.audit;

import tools.jackson.databind.node.ObjectNode;

/**
 * An event to append to a transcript: its type and the payload it is recorded with. Each event type is a record with
 * one codec, to its payload (this interface) and back from it (a static {@code read} on the record), so the service
 * that appends it and the verifier that reads it agree on one shape.
 */
public interface AuditEvent {

    /** The record type, e.g. {@code ROUND_RESULT}. */
    String type();

    /** The payload as recorded (for an event caused by a request: the facts the service adds to it). */
    ObjectNode payload();

    /**
     * An event caused by someone's request: the request is recorded with the facts, with its actor and its SHA-256
     * (or, for a sealed bid, the commitment that stands for it).
     */
    interface Requested extends AuditEvent {

        /** The request as recorded under {@code payload.request}. */
        ObjectNode request();

        /**
         * What stands for the request's hash when it is not the SHA-256 of the request itself: for a sealed bid, the
         * commitment, since the bid must not enter the transcript before opening.
         */
        default java.util.Optional<String> requestSha256() {
            return java.util.Optional.empty();
        }
    }
}
