package org.ngms.verifier;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.ngms.audit.Ed25519;
import org.ngms.audit.PublicKeyInfo;
import org.ngms.audit.Randomness;
import org.ngms.audit.Receipt;
import org.ngms.audit.Signatures;
import org.ngms.audit.SignedRecord;
import org.ngms.audit.TranscriptRecord;
import org.ngms.verifier.Verification.KeySource;
import org.ngms.verifier.Verification.SeedStatus;
import org.ngms.verifier.Verification.Summary;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a published transcript bundle offline (docs/transcript-format.md, docs/audit.md): the header; every record
 * in order (format, seq, chain, prev link, hash, key and its validity, signature) up to the first broken one; the
 * seed commitment against its reveal; the signed head against the last record; and each receipt against its record.
 * With independently published keys, those are used and the header's keys are only compared with them.
 * Nothing here trusts the service: everything is recomputed from the bytes.
 */
public final class BundleVerifier {

    static final String AUCTION_CREATED = "AUCTION_CREATED";
    static final String SEED_REVEALED = "SEED_REVEALED";
    private static final String HEX64 = "[0-9a-f]{64}";
    /** Only to name the seq of a line that the strict reader refused. */
    private static final JsonMapper LENIENT = JsonMapper.builder().build();

    private final List<String> lines;
    private final Optional<List<PublicKeyInfo>> publishedKeys;
    private final List<Receipt> receipts;
    private final boolean recompute;
    private final List<Finding> findings = new ArrayList<>();
    private final List<SignedRecord> verified = new ArrayList<>();
    private final Set<String> keysUsed = new LinkedHashSet<>();
    private Map<String, PublicKeyInfo> keys = Map.of();
    private String chain = "(unknown)";
    private int recordLines;
    private boolean walkBroken;
    private SeedStatus seed = SeedStatus.NO_COMMITMENT;
    private Optional<String> headHash = Optional.empty();
    private int receiptsChecked;
    private Optional<byte[]> revealedSeed = Optional.empty();
    private Verification.Recomputation recomputation = Verification.Recomputation.OFF;

    private BundleVerifier(List<String> lines, Optional<List<PublicKeyInfo>> publishedKeys, List<Receipt> receipts,
                           boolean recompute) {
        this.lines = List.copyOf(lines);
        this.publishedKeys = Objects.requireNonNull(publishedKeys, "publishedKeys").map(List::copyOf);
        this.receipts = List.copyOf(receipts);
        this.recompute = recompute;
    }

    /** Verifies a bundle against the keys in its own header. */
    public static Verification verify(List<String> lines) {
        return verify(lines, Optional.empty(), List.of());
    }

    /**
     * Verifies a bundle (its lines, without line terminators; trailing empty lines are ignored) against the published
     * keys if given (else the header's), and each receipt against it; sealed stages are recomputed from the published
     * bids. Never throws for bad input: every problem is a finding.
     */
    public static Verification verify(List<String> lines, Optional<List<PublicKeyInfo>> publishedKeys,
                                      List<Receipt> receipts) {
        return verify(lines, publishedKeys, receipts, true);
    }

    /**
     * As {@link #verify(List, Optional, List)}; with {@code recompute} false the sealed stages are not recomputed
     * (only the transcript itself, the seed, the head and the receipts are checked).
     */
    public static Verification verify(List<String> lines, Optional<List<PublicKeyInfo>> publishedKeys,
                                      List<Receipt> receipts, boolean recompute) {
        return new BundleVerifier(lines, publishedKeys, receipts, recompute).run();
    }

    private Verification run() {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        if (readHeader(end)) {
            int headIndex = end > 1 && isHeadLine(lines.get(end - 1)) ? end - 1 : -1;
            int recordsEnd = headIndex < 0 ? end : headIndex;
            recordLines = recordsEnd - 1;
            walkRecords(recordsEnd);
            checkSeed();
            recomputeStages();
            checkHead(headIndex, end);
            receipts.forEach(this::checkReceipt);
        }
        boolean ok = findings.stream().noneMatch(Finding::isFailure);
        return new Verification(ok, findings, new Summary(chain, recordLines, verified.size(), headHash,
                publishedKeys.isPresent() ? KeySource.PUBLISHED : KeySource.BUNDLE_HEADER, List.copyOf(keysUsed),
                seed, receiptsChecked, recomputation));
    }

    // --- header and keys -------------------------------------------------------------------------------------

    private boolean readHeader(int end) {
        if (end == 0) {
            findings.add(Finding.failure(Check.HEADER, null, 1, "the bundle is empty"));
            return false;
        }
        List<PublicKeyInfo> headerKeys;
        try {
            JsonNode header = SignedRecord.parse(lines.get(0));
            if (!header.isObject() || !BundleWriter.FORMAT.equals(header.path("format").asString(""))) {
                throw new IllegalArgumentException("line 1 is not an " + BundleWriter.FORMAT + " header");
            }
            if (!header.path("chain").isString() || header.get("chain").stringValue().isEmpty()) {
                throw new IllegalArgumentException("the header names no chain");
            }
            if (header.size() != 3 || !header.has("keys")) {
                throw new IllegalArgumentException("the header has exactly format, chain and keys");
            }
            chain = header.get("chain").stringValue();
            headerKeys = PublicKeyInfo.fromJsonArray(header.get("keys"));
        } catch (IllegalArgumentException e) {
            findings.add(Finding.failure(Check.HEADER, null, 1, e.getMessage()));
            return false;
        }
        if (publishedKeys.isEmpty()) {
            keys = byKid(headerKeys);
            findings.add(Finding.warning(Check.KEY_SOURCE, null, 1, "keys taken from the bundle header, which its "
                    + "author could replace; verify with the keys published at GET /api/v1/keys (--keys)"));
            return true;
        }
        keys = byKid(publishedKeys.get());
        for (PublicKeyInfo own : headerKeys) {
            compareWithPublished(own, keys.get(own.kid()));
        }
        return true;
    }

    private void compareWithPublished(PublicKeyInfo own, PublicKeyInfo published) {
        if (published == null) {
            findings.add(Finding.warning(Check.KEY_NOT_PUBLISHED, null, 1,
                    "header key " + own.kid() + " is not among the published keys"));
        } else if (!published.publicKey().equals(own.publicKey())) {
            findings.add(Finding.failure(Check.KEY_MISMATCH, null, 1, "header key " + own.kid()
                    + " has public key " + own.publicKey() + ", the published one is " + published.publicKey()));
        } else if (!published.validFrom().equals(own.validFrom())
                || own.validUntil().isPresent() && !own.validUntil().equals(published.validUntil())) {
            // a header written before a rotation lacks validUntil; any other difference is worth a look
            findings.add(Finding.warning(Check.KEY_MISMATCH, null, 1, "header key " + own.kid() + " is valid "
                    + period(own) + ", the published one " + period(published)));
        }
    }

    private static Map<String, PublicKeyInfo> byKid(List<PublicKeyInfo> list) {
        Map<String, PublicKeyInfo> map = new LinkedHashMap<>();
        list.forEach(k -> map.putIfAbsent(k.kid(), k));
        return map;
    }

    private static String period(PublicKeyInfo key) {
        return "from " + PublicKeyInfo.format(key.validFrom()) + " until "
                + key.validUntil().map(PublicKeyInfo::format).orElse("(current)");
    }

    // --- records ---------------------------------------------------------------------------------------------

    private void walkRecords(int recordsEnd) {
        String prev = TranscriptRecord.GENESIS;
        Instant lastAt = null;
        for (int index = 1; index < recordsEnd; index++) {
            int line = index + 1;
            long expected = verified.size() + 1L;
            Optional<Finding> broken = checkRecord(lines.get(index), line, expected, prev, lastAt);
            if (broken.isPresent()) {
                findings.add(broken.get());
                walkBroken = true;
                return;
            }
            SignedRecord record = verified.get(verified.size() - 1);
            prev = record.hash();
            lastAt = Instant.parse(record.record().at());
        }
    }

    /** The first failed check of one record line, or empty (and the record appended to the verified prefix). */
    private Optional<Finding> checkRecord(String text, int line, long expected, String prev, Instant lastAt) {
        SignedRecord signed;
        Instant at;
        try {
            JsonNode node = SignedRecord.parse(text);
            if (node.isObject() && node.has("head")) {
                return fail(Check.RECORD_FORMAT, null, line, "a head line before the last line");
            }
            signed = SignedRecord.fromJson(node);
            at = PublicKeyInfo.parseInstant("at", signed.record().at());
        } catch (IllegalArgumentException e) {
            return fail(Check.RECORD_FORMAT, seqIn(text), line, e.getMessage());
        }
        TranscriptRecord record = signed.record();
        long seq = record.seq();
        if (seq != expected) {
            return fail(Check.SEQUENCE, seq, line, "expected seq " + expected + " here, found " + seq
                    + ": a record is missing, repeated or out of order");
        }
        if (!record.chain().equals(chain)) {
            return fail(Check.CHAIN, seq, line, "the record belongs to chain " + record.chain() + ", the bundle to "
                    + chain);
        }
        if (!record.prev().equals(prev)) {
            return fail(Check.PREV_LINK, seq, line, "prev is " + record.prev() + ", but "
                    + (seq == 1 ? "the first record's prev is 64 zeros" : "record " + (seq - 1) + " hashes to " + prev));
        }
        String recomputed;
        try {
            recomputed = record.hash();
        } catch (RuntimeException e) {
            return fail(Check.RECORD_FORMAT, seq, line, "the record cannot be canonicalised: " + e.getMessage());
        }
        if (!recomputed.equals(signed.hash())) {
            return fail(Check.HASH, seq, line, "the line says hash " + signed.hash()
                    + ", the canonical record hashes to " + recomputed);
        }
        PublicKeyInfo key = keys.get(signed.kid());
        if (key == null) {
            return fail(Check.KEY_UNKNOWN, seq, line, "signed by key " + signed.kid() + ", which is not "
                    + (publishedKeys.isPresent() ? "among the published keys" : "in the bundle header"));
        }
        if (!key.validAt(at)) {
            return fail(Check.KEY_VALIDITY, seq, line, "signed by key " + key.kid() + " at " + record.at()
                    + ", but the key is valid " + period(key));
        }
        if (!signed.signatureValid(key.publicKeyBytes())) {
            return fail(Check.SIGNATURE, seq, line, "the signature by key " + key.kid() + " does not verify");
        }
        if (lastAt != null && at.isBefore(lastAt)) {
            findings.add(Finding.warning(Check.TIME_ORDER, seq, line, "recorded at " + record.at()
                    + ", before the record it follows (" + PublicKeyInfo.format(lastAt) + ")"));
        }
        keysUsed.add(key.kid());
        verified.add(signed);
        return Optional.empty();
    }

    private static Optional<Finding> fail(Check check, Long seq, Integer line, String detail) {
        return Optional.of(Finding.failure(check, seq, line, detail));
    }

    /** The seq a malformed line claims, if it says one, to name it in the finding. */
    private static Long seqIn(String text) {
        try {
            JsonNode seq = LENIENT.readTree(text).path("record").path("seq");
            return seq.isIntegralNumber() && seq.canConvertToLong() ? seq.longValue() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static boolean isHeadLine(String text) {
        try {
            JsonNode node = SignedRecord.parse(text);
            return node.isObject() && node.has("head");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // --- committed randomness -------------------------------------------------------------------------------

    private void checkSeed() {
        String commitment = null;
        boolean revealed = false;
        boolean broken = false;
        if (chain.startsWith("auction:") && !verified.isEmpty()
                && !AUCTION_CREATED.equals(verified.get(0).record().type())) {
            findings.add(Finding.failure(Check.SEED_COMMITMENT, 1L, 2, "an auction chain opens with "
                    + AUCTION_CREATED + ", not " + verified.get(0).record().type()));
            broken = true;
        }
        for (int i = 0; i < verified.size(); i++) {
            TranscriptRecord record = verified.get(i).record();
            int line = i + 2;
            if (AUCTION_CREATED.equals(record.type())) {
                JsonNode sc = record.payload().path("seedCommitment");
                if (!sc.isString() || !sc.stringValue().matches(HEX64)) {
                    findings.add(Finding.failure(Check.SEED_COMMITMENT, record.seq(), line,
                            "payload.seedCommitment must be 64 lower-case hex digits: " + sc));
                    broken = true;
                } else if (commitment != null) {
                    findings.add(Finding.failure(Check.SEED_COMMITMENT, record.seq(), line,
                            "a second seed commitment in one chain"));
                    broken = true;
                } else {
                    commitment = sc.stringValue();
                }
            } else if (SEED_REVEALED.equals(record.type())) {
                Optional<String> problem = revealProblem(record, commitment, revealed);
                if (problem.isPresent()) {
                    findings.add(Finding.failure(Check.SEED_REVEAL, record.seq(), line, problem.get()));
                    broken = true;
                } else {
                    revealed = true;
                    revealedSeed = Optional.of(Randomness.fromHex(record.payload().get("seed").stringValue()));
                }
            }
        }
        if (broken) {
            seed = SeedStatus.BROKEN;
        } else if (revealed) {
            seed = SeedStatus.REVEALED_AND_MATCHES;
        } else if (commitment != null) {
            seed = SeedStatus.NOT_YET_REVEALED;
            findings.add(Finding.info(Check.SEED_NOT_REVEALED, null, null, "seed not yet revealed"
                    + (walkBroken ? " in the records verified before the first broken one" : "")
                    + ": the commitment " + commitment + " will be checked when the auction closes"));
        }
    }

    // --- sealed, clock and SMRA stages recomputed from the published bids -------------------------------------

    private void recomputeStages() {
        if (!recompute || !chain.startsWith("auction:")) {
            return;
        }
        if (walkBroken) {
            recomputation = new Verification.Recomputation(true, 0, 0, 0);
            findings.add(Finding.info(Check.RECOMPUTE_SKIPPED, null, null, "sealed, clock and SMRA stages not "
                    + "recomputed: the records after the first broken one cannot be trusted"));
            return;
        }
        String why = switch (seed) {
            case NOT_YET_REVEALED -> "before the seed is revealed";
            case BROKEN -> "with a broken seed commitment or reveal";
            default -> "without a seed commitment";
        };
        Optional<byte[]> usable = seed == SeedStatus.REVEALED_AND_MATCHES ? revealedSeed : Optional.empty();
        recomputation = SealedRecomputation.run(chain, verified, usable, why, findings);
        recomputation = ClockRecomputation.run(chain, verified, usable, why, findings, recomputation);
        recomputation = SmraRecomputation.run(chain, verified, usable, why, findings, recomputation);
        RationalisationRecomputation.run(verified, findings);
    }

    private static Optional<String> revealProblem(TranscriptRecord record, String commitment, boolean revealed) {
        JsonNode seedNode = record.payload().path("seed");
        if (!seedNode.isString() || !seedNode.stringValue().matches(HEX64)) {
            return Optional.of("payload.seed must be 64 lower-case hex digits (32 bytes): " + seedNode);
        }
        if (commitment == null) {
            return Optional.of("a seed revealed without an earlier commitment");
        }
        if (revealed) {
            return Optional.of("a second seed reveal in one chain");
        }
        String hashed = Randomness.commitment(Randomness.fromHex(seedNode.stringValue()));
        if (!hashed.equals(commitment)) {
            return Optional.of("SHA-256 of the revealed seed is " + hashed + ", the commitment is " + commitment);
        }
        return Optional.empty();
    }

    // --- head ------------------------------------------------------------------------------------------------

    private void checkHead(int headIndex, int end) {
        if (headIndex < 0) {
            findings.add(Finding.failure(Check.HEAD_MISSING, null, Math.max(end, 1), "the last line is not a signed "
                    + "head: the bundle is truncated or its head was removed"));
            return;
        }
        int line = headIndex + 1;
        JsonNode node = SignedRecord.parse(lines.get(headIndex));
        JsonNode head = node.get("head");
        if (node.size() != 3 || !node.path("kid").isString() || !node.path("signature").isString()
                || !head.isObject() || head.size() != 3 || !head.path("chain").isString()
                || !head.path("seq").isIntegralNumber() || !head.path("seq").canConvertToLong()
                || !head.path("hash").isString()) {
            findings.add(Finding.failure(Check.HEAD_FORMAT, null, line, "a head line is "
                    + "{\"head\":{\"chain\":…,\"seq\":n,\"hash\":…},\"kid\":…,\"signature\":…}"));
            return;
        }
        String headChain = head.get("chain").stringValue();
        long seq = head.get("seq").longValue();
        String hash = head.get("hash").stringValue();
        headHash = Optional.of(hash);
        if (!headChain.equals(chain)) {
            findings.add(Finding.failure(Check.HEAD_MATCH, seq, line, "the head names chain " + headChain
                    + ", the bundle is " + chain));
        }
        Optional<SignedRecord> last = lastRecordLine(headIndex);
        if (last.isEmpty()) {
            if (headIndex == 1) {
                findings.add(Finding.failure(Check.HEAD_MATCH, seq, line, "the bundle has no records"));
            }
        } else if (last.get().record().seq() != seq || !last.get().hash().equals(hash)) {
            findings.add(Finding.failure(Check.HEAD_MATCH, seq, line, "the head names seq " + seq + " with hash "
                    + hash + ", but the last record is seq " + last.get().record().seq() + " with hash "
                    + last.get().hash() + ": records are missing at the end, or the head is not this bundle's"));
        }
        checkHeadSignature(node, headChain, seq, hash, line, last);
    }

    private void checkHeadSignature(JsonNode node, String headChain, long seq, String hash, int line,
                                    Optional<SignedRecord> last) {
        String kid = node.get("kid").stringValue();
        PublicKeyInfo key = keys.get(kid);
        if (key == null) {
            findings.add(Finding.failure(Check.KEY_UNKNOWN, seq, line, "the head is signed by key " + kid
                    + ", which is not " + (publishedKeys.isPresent() ? "among the published keys"
                    : "in the bundle header")));
            return;
        }
        // the head is signed at export, after the last record: by a key not retired before that record
        Optional<Instant> lastAt = last.flatMap(r -> instant(r.record().at()));
        if (lastAt.isPresent() && key.validUntil().map(until -> until.isBefore(lastAt.get())).orElse(false)) {
            findings.add(Finding.failure(Check.KEY_VALIDITY, seq, line, "the head is signed by key " + kid
                    + ", retired at " + PublicKeyInfo.format(key.validUntil().get()) + ", before the last record ("
                    + last.get().record().at() + ")"));
        }
        byte[] signature = Ed25519.fromBase64(node.get("signature").stringValue());
        if (!Ed25519.verify(key.publicKeyBytes(), Signatures.head(headChain, seq, hash), signature)) {
            findings.add(Finding.failure(Check.HEAD_SIGNATURE, seq, line,
                    "the head signature by key " + kid + " does not verify"));
            return;
        }
        keysUsed.add(kid);
    }

    /** The record line just before the head: the verified last record, or whatever the line says if it parses. */
    private Optional<SignedRecord> lastRecordLine(int headIndex) {
        if (headIndex < 2) {
            return Optional.empty();
        }
        if (!walkBroken && !verified.isEmpty()) {
            return Optional.of(verified.get(verified.size() - 1));
        }
        try {
            return Optional.of(SignedRecord.fromJsonLine(lines.get(headIndex - 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    // --- receipts --------------------------------------------------------------------------------------------

    private void checkReceipt(Receipt receipt) {
        receiptsChecked++;
        String name = "receipt " + receiptsChecked;
        long seq = receipt.seq();
        boolean inBundle = seq >= 1 && seq <= verified.size();
        Integer line = inBundle ? (int) seq + 1 : null;
        signatureProblem(receipt).ifPresent(problem ->
                findings.add(Finding.failure(Check.RECEIPT_SIGNATURE, seq, line, name + ": " + problem)));
        if (!receipt.chain().equals(chain)) {
            findings.add(Finding.failure(Check.RECEIPT_CHAIN, seq, line, name + " is for chain " + receipt.chain()
                    + ", the bundle is " + chain));
            return;
        }
        if (!inBundle) {
            if (walkBroken && seq > verified.size()) {
                findings.add(Finding.warning(Check.RECEIPT_RECORD, seq, null, name + " not matched: record " + seq
                        + " comes after the first broken record"));
            } else {
                findings.add(Finding.failure(Check.RECEIPT_RECORD, seq, null, name + " names record " + seq
                        + ", which the bundle does not have (it has " + verified.size() + ")"));
            }
            return;
        }
        SignedRecord record = verified.get((int) seq - 1);
        if (!record.hash().equals(receipt.recordHash())) {
            findings.add(Finding.failure(Check.RECEIPT_RECORD_HASH, seq, line, name + " says record hash "
                    + receipt.recordHash() + ", the record's hash is " + record.hash()));
        }
        JsonNode request = record.record().payload().path("requestSha256");
        if (!request.isString()) {
            findings.add(Finding.failure(Check.RECEIPT_REQUEST, seq, line, name + ": the record ("
                    + record.record().type() + ") records no payload.requestSha256"));
        } else if (!request.stringValue().equals(receipt.requestSha256())) {
            findings.add(Finding.failure(Check.RECEIPT_REQUEST, seq, line, name + " says request SHA-256 "
                    + receipt.requestSha256() + ", the record says " + request.stringValue()));
        }
        JsonNode actor = record.record().payload().path("actor");
        if (actor.isString() && !actor.stringValue().equals(receipt.actor())) {
            findings.add(Finding.failure(Check.RECEIPT_ACTOR, seq, line, name + " is for actor " + receipt.actor()
                    + ", the record says " + actor.stringValue()));
        }
    }

    private Optional<String> signatureProblem(Receipt receipt) {
        PublicKeyInfo key = keys.get(receipt.kid());
        if (key == null) {
            return Optional.of("signed by key " + receipt.kid() + ", which is not known");
        }
        Optional<Instant> time = instant(receipt.serverTime());
        if (time.isEmpty()) {
            return Optional.of("serverTime is not an ISO-8601 instant: " + receipt.serverTime());
        }
        if (!key.validAt(time.get())) {
            return Optional.of("signed by key " + key.kid() + " at " + receipt.serverTime()
                    + ", but the key is valid " + period(key));
        }
        String body;
        try {
            body = receipt.canonicalBody();
        } catch (RuntimeException e) {
            return Optional.of("the receipt cannot be canonicalised: " + e.getMessage());
        }
        if (!Ed25519.verify(key.publicKeyBytes(), Signatures.receipt(body), Ed25519.fromBase64(receipt.signature()))) {
            return Optional.of("the signature by key " + key.kid() + " does not verify");
        }
        keysUsed.add(key.kid());
        return Optional.empty();
    }
}
