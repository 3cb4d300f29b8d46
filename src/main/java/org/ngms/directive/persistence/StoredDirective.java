package org.ngms.directive.persistence;

import java.time.Instant;

/** A registered directive version as stored: its canonical JSON is the document. */
public record StoredDirective(String id, int version, String sha256, String title, String canonicalJson,
                              Instant registeredAt, boolean inUse) {
}
