package org.ngms.identity;

import java.util.Optional;

import org.ngms.audit.AuditEvent;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code SECURITY_<type>} (service transcript): an authentication failure, an authorisation denial, rate limiting
 * or a credential change, with the account, method, route, source address and detail where known.
 */
public record SecurityEventRecorded(SecurityEventType kind, Optional<String> account, Optional<String> method,
                            Optional<String> route, Optional<String> source, Optional<String> detail)
        implements AuditEvent {

    @Override
    public String type() {
        return "SECURITY_" + kind.name();
    }

    @Override
    public ObjectNode payload() {
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("type", kind.name());
        account.ifPresent(a -> payload.put("account", a));
        method.ifPresent(m -> payload.put("method", m));
        route.ifPresent(r -> payload.put("route", r));
        source.ifPresent(s -> payload.put("source", s));
        detail.ifPresent(d -> payload.put("detail", d));
        return payload;
    }
}
