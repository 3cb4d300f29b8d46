package org.ngms.audit;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code KEY_ROTATED} (service transcript): the signing key is replaced; the record is the last one the old key
 * signs and names the new key's public half, so a verifier can follow the chain of keys.
 */
public record KeyRotated(String oldKid, String newKid, byte[] newPublicKey) implements AuditEvent.Requested {

    public static final String TYPE = "KEY_ROTATED";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode payload() {
        return JsonNodeFactory.instance.objectNode().put("oldKid", oldKid).put("newKid", newKid)
                .put("algorithm", Ed25519.ALGORITHM).put("publicKey", Ed25519.base64(newPublicKey));
    }

    @Override
    public ObjectNode request() {
        return JsonNodeFactory.instance.objectNode().put("action", "ROTATE_SIGNING_KEY");
    }
}
