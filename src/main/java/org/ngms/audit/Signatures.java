package org.ngms.audit;

import java.nio.charset.StandardCharsets;

/**
 * What exactly is signed, with a domain-separating prefix so a signature on one kind of message can never be passed
 * off as another.
 */
public final class Signatures {

    private Signatures() {
    }

    /** Each transcript record: {@code ngms-transcript-record/1:<record hash>}. */
    public static byte[] record(String recordHash) {
        return ("ngms-transcript-record/1:" + recordHash).getBytes(StandardCharsets.UTF_8);
    }

    /** The head of a published transcript: {@code ngms-transcript-head/1:<chain>:<seq>:<hash>}. */
    public static byte[] head(String chain, long seq, String hash) {
        return ("ngms-transcript-head/1:" + chain + ":" + seq + ":" + hash).getBytes(StandardCharsets.UTF_8);
    }

    /** A receipt: {@code ngms-receipt/1:<canonical JSON of the receipt without kid and signature>}. */
    public static byte[] receipt(String canonicalReceiptBody) {
        return ("ngms-receipt/1:" + canonicalReceiptBody).getBytes(StandardCharsets.UTF_8);
    }
}
