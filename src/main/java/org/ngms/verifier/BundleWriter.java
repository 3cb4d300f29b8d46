package org.ngms.verifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ngms.audit.Ed25519;
import org.ngms.audit.PublicKeyInfo;
import org.ngms.audit.Signatures;
import org.ngms.audit.SignedRecord;
import org.ngms.shared.CanonicalJson;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an {@code ngms-transcript-bundle/1} (docs/transcript-format.md): header, record lines, signed head. Every
 * line is canonical JSON (RFC 8785). The writer does not judge its input: the records are written as given, so a
 * test can write a broken bundle; {@link BundleVerifier} is the judge.
 */
public final class BundleWriter {

    public static final String FORMAT = "ngms-transcript-bundle/1";

    private BundleWriter() {
    }

    /**
     * The lines of a bundle of {@code chain}: the header listing {@code keys}, one line per record, and the head naming
     * the last record, signed by {@code headKid} with {@code headPrivateKey} (the key current at export).
     */
    public static List<String> write(String chain, List<SignedRecord> records, List<PublicKeyInfo> keys,
                                     String headKid, byte[] headPrivateKey) {
        Objects.requireNonNull(chain, "chain");
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a bundle has at least one record");
        }
        List<String> lines = new ArrayList<>(records.size() + 2);
        lines.add(headerLine(chain, keys));
        records.forEach(r -> lines.add(r.toJsonLine()));
        SignedRecord last = records.get(records.size() - 1);
        lines.add(headLine(chain, last.record().seq(), last.hash(), headKid, headPrivateKey));
        return List.copyOf(lines);
    }

    /** {@code {"chain":…,"format":"ngms-transcript-bundle/1","keys":[…]}} */
    public static String headerLine(String chain, List<PublicKeyInfo> keys) {
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        header.put("format", FORMAT);
        header.put("chain", chain);
        header.set("keys", PublicKeyInfo.toJsonArray(keys));
        return canonical(header);
    }

    /** {@code {"head":{"chain":…,"hash":…,"seq":n},"kid":…,"signature":…}}, signed over {@link Signatures#head}. */
    public static String headLine(String chain, long seq, String hash, String kid, byte[] privateKey) {
        ObjectNode head = JsonNodeFactory.instance.objectNode();
        head.put("chain", chain);
        head.put("seq", seq);
        head.put("hash", hash);
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.set("head", head);
        line.put("kid", kid);
        line.put("signature", Ed25519.base64(Ed25519.sign(privateKey, Signatures.head(chain, seq, hash))));
        return canonical(line);
    }

    private static String canonical(ObjectNode node) {
        return CanonicalJson.canonicalize(SignedRecord.STRICT_JSON.writeValueAsString(node));
    }
}
