package org.ngms.shared;

/** Reason codes every capability uses. */
public enum CommonReason implements Reason {
    /** The thing asked for does not exist (or is not the caller's to see). */
    NOT_FOUND,
    /** A request whose fields break their rules; the violations name each field. */
    REQUEST_INVALID,
    /** The thing changed while the request was processed; reload and retry. */
    CONCURRENT_CHANGE
}
