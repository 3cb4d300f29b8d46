package org.ngms.auction.events;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.ngms.audit.AuditEvent;
import org.ngms.audit.Instants;
import org.ngms.shared.JsonFields;

import tools.jackson.databind.node.ObjectNode;

/** {@code ROUND_PAUSED}, {@code ROUND_RESUMED}, {@code ROUND_EXTENDED}: the regulator's control of an open round. */
public record RoundControlled(UUID auction, String stage, int round, Control control, Optional<Instant> closesAt)
        implements AuditEvent.Requested {

    /** What the regulator did; an extension names the new deadline. */
    public enum Control {
        PAUSE("ROUND_PAUSED"), RESUME("ROUND_RESUMED"), EXTEND("ROUND_EXTENDED");

        private final String type;

        Control(String type) {
            this.type = type;
        }
    }

    @Override
    public String type() {
        return control.type;
    }

    @Override
    public ObjectNode payload() {
        return JsonFields.object();
    }

    @Override
    public ObjectNode request() {
        ObjectNode request = JsonFields.object().put("action", control.name().toUpperCase(Locale.ROOT) + "_ROUND")
                .put("auction", auction.toString()).put("stage", stage).put("round", round);
        closesAt.ifPresent(c -> request.put("closesAt", Instants.format(c)));
        return request;
    }
}
