package org.ngms.auction.events;

import java.util.UUID;

import org.ngms.audit.AuditEvent;
import org.ngms.shared.JsonFields;

import tools.jackson.databind.node.ObjectNode;

/**
 * {@code RATIONALISATION_COMPUTED}: the regulator computed the rationalised band plan of a category after the
 * auction; {@code rationalisation} is the band before and after, the objective levels, MHz retuned, the bound and
 * whether it is proven optimal ({@code auction.assignment.Rationalisations#json}).
 */
public record RationalisationComputed(UUID auction, String category, ObjectNode rationalisation)
        implements AuditEvent.Requested {

    public static final String TYPE = "RATIONALISATION_COMPUTED";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode payload() {
        ObjectNode o = JsonFields.object().put("category", category);
        o.set("rationalisation", rationalisation.deepCopy());
        return o;
    }

    @Override
    public ObjectNode request() {
        return JsonFields.object().put("action", "RATIONALISE").put("auction", auction.toString())
                .put("category", category);
    }
}
