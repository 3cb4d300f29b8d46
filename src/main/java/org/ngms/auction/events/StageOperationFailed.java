package org.ngms.auction.events;

import java.time.Instant;

import org.ngms.audit.AuditEvent;
import org.ngms.audit.Instants;
import org.ngms.shared.JsonFields;

import tools.jackson.databind.node.ObjectNode;

/**
 * {@code STAGE_OPERATION_FAILED}: the scheduler could not open or close a stage's window or round (for example, the
 * engine rebuilt from the transcript did not reproduce a recorded round); it is retried from {@code retryAt} on,
 * while every other auction goes on. Recorded on the first failure of a run of failures, so that observers and
 * auditors see why a round closed late.
 */
public record StageOperationFailed(String stage, String operation, String error, Instant retryAt)
        implements AuditEvent {

    public static final String TYPE = "STAGE_OPERATION_FAILED";
    private static final int LONGEST_ERROR = 500;

    public StageOperationFailed {
        error = error.length() > LONGEST_ERROR ? error.substring(0, LONGEST_ERROR) + "…" : error;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode payload() {
        return JsonFields.object().put("stage", stage).put("operation", operation).put("error", error)
                .put("retryAt", Instants.format(retryAt));
    }
}
