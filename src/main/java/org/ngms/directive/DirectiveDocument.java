package org.ngms.directive;

import java.util.Objects;

import org.ngms.shared.CanonicalJson;

/**
 * A valid directive with its canonical JSON (RFC 8785) and the SHA-256 of that JSON: the bytes a directive version
 * is identified, stored and audited by.
 */
public record DirectiveDocument(PolicyDirective directive, String canonicalJson, String sha256) {

    public DirectiveDocument {
        Objects.requireNonNull(directive, "directive");
        Objects.requireNonNull(canonicalJson, "canonicalJson");
        Objects.requireNonNull(sha256, "sha256");
    }

    static DirectiveDocument of(PolicyDirective directive) {
        String json = DirectiveParser.json().writeValueAsString(DirectiveWriter.write(directive));
        String canonical = CanonicalJson.canonicalize(json);
        return new DirectiveDocument(directive, canonical, CanonicalJson.sha256Hex(canonical));
    }
}
