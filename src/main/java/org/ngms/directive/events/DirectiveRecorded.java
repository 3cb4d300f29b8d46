package org.ngms.directive.events;

import org.ngms.audit.AuditEvent;
import org.ngms.directive.DirectiveDocument;
import org.ngms.shared.JsonFields;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code DIRECTIVE_REGISTERED} or {@code DIRECTIVE_REPLACED} (service transcript): a directive version stored, with
 * its whole canonical document and its SHA-256.
 */
public record DirectiveRecorded(Change change, String id, int version, String title, String storedSha256,
                                DirectiveDocument document)
        implements AuditEvent.Requested {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A new version, or a version replaced before any auction used it. */
    public enum Change { REGISTERED, REPLACED }

    @Override
    public String type() {
        return "DIRECTIVE_" + change.name();
    }

    @Override
    public ObjectNode payload() {
        ObjectNode facts = JsonFields.object().put("id", id).put("version", version)
                .put("sha256", storedSha256).put("title", title);
        facts.set("document", JSON.readTree(document.canonicalJson()));
        return facts;
    }

    @Override
    public ObjectNode request() {
        String action = change == Change.REGISTERED ? "REGISTER_DIRECTIVE" : "REPLACE_DIRECTIVE";
        return JsonFields.object().put("action", action).put("id", id).put("sha256", document.sha256());
    }
}
