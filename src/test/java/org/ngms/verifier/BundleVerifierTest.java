package org.ngms.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngms.audit.TestTranscripts.CHAIN;
import static org.ngms.audit.TestTranscripts.START;
import static org.ngms.audit.TestTranscripts.at;
import static org.ngms.audit.TestTranscripts.key;
import static org.ngms.audit.TestTranscripts.kid;
import static org.ngms.audit.TestTranscripts.receipt;
import static org.ngms.audit.TestTranscripts.records;
import static org.ngms.audit.TestTranscripts.sign;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.ngms.audit.Ed25519;
import org.ngms.audit.PublicKeyInfo;
import org.ngms.audit.Receipt;
import org.ngms.audit.SignedRecord;
import org.ngms.audit.TestTranscripts;
import org.ngms.audit.TranscriptRecord;
import org.ngms.verifier.Finding.Severity;
import org.ngms.verifier.Verification.KeySource;
import org.ngms.verifier.Verification.SeedStatus;

import tools.jackson.databind.node.ObjectNode;

/**
 * A 24-record auction transcript, signed with deterministic keys, verified as written and after each kind of
 * tampering; each tampering is named by the record (seq and line) and the check that caught it. Record {@code seq}
 * is on line {@code seq + 1}; the head is line 26.
 */
class BundleVerifierTest {

    private static final int COUNT = 24;
    private static final Ed25519.KeyPair SERVICE = key("service-key-2026");
    private static final Ed25519.KeyPair NEXT = key("service-key-2026-rotated");
    private static final Ed25519.KeyPair STRANGER = key("someone-else");
    private static final PublicKeyInfo SERVICE_KEY = TestTranscripts.current(SERVICE, START.minus(Duration.ofDays(1)));
    private static final List<PublicKeyInfo> PUBLISHED = List.of(SERVICE_KEY);
    private static final int HEAD_LINE = COUNT + 2;

    private final List<SignedRecord> signed = sign(records(COUNT, true), r -> SERVICE);

    private List<String> bundle() {
        return BundleWriter.write(CHAIN, signed, PUBLISHED, kid(SERVICE), SERVICE.privateKey());
    }

    private static Verification verify(List<String> lines) {
        return BundleVerifier.verify(lines, Optional.of(PUBLISHED), List.of());
    }

    private static Finding firstFailure(Verification v) {
        assertThat(v.ok()).as("verification fails").isFalse();
        return v.firstFailure().orElseThrow();
    }

    private static void assertNames(Finding f, Check check, long seq, int line) {
        assertThat(f.check()).as(f.describe()).isEqualTo(check);
        assertThat(f.seq()).as(f.describe()).isEqualTo(OptionalLong.of(seq));
        assertThat(f.line()).as(f.describe()).isEqualTo(OptionalInt.of(line));
    }

    /** Rewrites the JSON of one line (1-based) of a copy of the bundle. */
    private static List<String> edit(List<String> lines, int line, Consumer<ObjectNode> change) {
        List<String> copy = new ArrayList<>(lines);
        ObjectNode node = (ObjectNode) SignedRecord.parse(copy.get(line - 1));
        change.accept(node);
        copy.set(line - 1, SignedRecord.STRICT_JSON.writeValueAsString(node));
        return copy;
    }

    private static ObjectNode recordOf(ObjectNode line) {
        return (ObjectNode) line.get("record");
    }

    /** Changes one character of a text: the first hex digit or letter flipped to another. */
    private static String flipOneChar(String text, int at) {
        char c = text.charAt(at);
        char replacement = c == 'a' ? 'b' : c == 'A' ? 'B' : c == '0' ? '1' : Character.isDigit(c) ? '0' : 'a';
        return text.substring(0, at) + replacement + text.substring(at + 1);
    }

    // --- valid bundles ---------------------------------------------------------------------------------------

    @Test
    void aBundleAsWrittenVerifiesAgainstThePublishedKeys() {
        Verification v = verify(bundle());

        assertThat(v.ok()).isTrue();
        assertThat(v.findings()).isEmpty();
        assertThat(v.summary().chain()).isEqualTo(CHAIN);
        assertThat(v.summary().verifiedRecords()).isEqualTo(COUNT);
        assertThat(v.summary().headHash()).contains(signed.get(COUNT - 1).hash());
        assertThat(v.summary().keySource()).isEqualTo(KeySource.PUBLISHED);
        assertThat(v.summary().keysUsed()).containsExactly(kid(SERVICE));
        assertThat(v.summary().seed()).isEqualTo(SeedStatus.REVEALED_AND_MATCHES);
    }

    @Test
    void withoutPublishedKeysTheHeaderKeysAreUsedAndTheObserverIsWarned() {
        Verification v = BundleVerifier.verify(bundle());

        assertThat(v.ok()).isTrue();
        assertThat(v.summary().keySource()).isEqualTo(KeySource.BUNDLE_HEADER);
        assertThat(v.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.check()).isEqualTo(Check.KEY_SOURCE);
        });
    }

    @Test
    void aKeyRotationInTheMiddleVerifiesWhenEachRecordIsSignedByTheKeyCurrentAtItsTime() {
        Instant rotation = at(12).plusSeconds(30);
        PublicKeyInfo old = SERVICE_KEY.retiredAt(rotation);
        PublicKeyInfo next = TestTranscripts.current(NEXT, rotation);
        List<SignedRecord> rotated = sign(records(COUNT, true),
                r -> Instant.parse(r.at()).isAfter(rotation) ? NEXT : SERVICE);
        List<String> lines = BundleWriter.write(CHAIN, rotated, List.of(old, next), kid(NEXT), NEXT.privateKey());

        Verification v = BundleVerifier.verify(lines, Optional.of(List.of(old, next)), List.of());

        assertThat(v.ok()).as(v.findings().toString()).isTrue();
        assertThat(v.findings()).isEmpty();
        assertThat(v.summary().keysUsed()).containsExactly(kid(SERVICE), kid(NEXT));
    }

    @Test
    void aHeaderWrittenBeforeARotationStillVerifiesAgainstTheKeysPublishedAfterIt() {
        List<PublicKeyInfo> later = List.of(SERVICE_KEY.retiredAt(at(COUNT + 10)),
                TestTranscripts.current(NEXT, at(COUNT + 10)));

        Verification v = BundleVerifier.verify(bundle(), Optional.of(later), List.of());

        assertThat(v.ok()).isTrue();
        assertThat(v.findings()).isEmpty();
    }

    @Test
    void aTranscriptWhoseSeedIsNotYetRevealedVerifiesAndSaysSo() {
        List<SignedRecord> open = sign(records(COUNT, false), r -> SERVICE);
        List<String> lines = BundleWriter.write(CHAIN, open, PUBLISHED, kid(SERVICE), SERVICE.privateKey());

        Verification v = verify(lines);

        assertThat(v.ok()).isTrue();
        assertThat(v.summary().seed()).isEqualTo(SeedStatus.NOT_YET_REVEALED);
        assertThat(v.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.check()).isEqualTo(Check.SEED_NOT_REVEALED);
            assertThat(f.detail()).startsWith("seed not yet revealed");
        });
    }

    @Test
    void trailingEmptyLinesAreIgnored() {
        List<String> lines = new ArrayList<>(bundle());
        lines.add("");

        assertThat(verify(lines).ok()).isTrue();
    }

    // --- tampering with records ------------------------------------------------------------------------------

    @Test
    void oneChangedByteOfAPayloadIsCaughtAsAWrongHashOfThatRecord() {
        List<String> lines = edit(bundle(), 8, n -> {
            ObjectNode payload = (ObjectNode) recordOf(n).get("payload");
            payload.put("amount", payload.get("amount").longValue() + 1);
        });

        Finding f = firstFailure(verify(lines));

        assertNames(f, Check.HASH, 7, 8);
        assertThat(verify(lines).failures()).hasSize(1);
    }

    @Test
    void oneChangedByteOfTheRawLineIsCaughtToo() {
        List<String> lines = new ArrayList<>(bundle());
        String line = lines.get(7);
        int at = line.indexOf("jazz-desk");
        lines.set(7, line.substring(0, at) + "J" + line.substring(at + 1));

        assertNames(firstFailure(verify(lines)), Check.HASH, 7, 8);
    }

    @Test
    void oneChangedByteOfAHashIsCaught() {
        List<String> lines = edit(bundle(), 8, n -> n.put("hash", flipOneChar(n.get("hash").asString(), 10)));

        assertNames(firstFailure(verify(lines)), Check.HASH, 7, 8);
    }

    @Test
    void aChangedPayloadWithARecomputedHashFailsItsSignature() {
        List<String> lines = edit(bundle(), 8, n -> {
            ((ObjectNode) recordOf(n).get("payload")).put("amount", 1);
            n.put("hash", TranscriptRecord.fromJson(recordOf(n)).hash());
        });

        assertNames(firstFailure(verify(lines)), Check.SIGNATURE, 7, 8);
    }

    @Test
    void oneChangedByteOfASignatureIsCaught() {
        List<String> lines = edit(bundle(), 8, n -> {
            byte[] signature = Ed25519.fromBase64(n.get("signature").asString());
            signature[5] ^= 0x01;
            n.put("signature", Ed25519.base64(signature));
        });

        assertNames(firstFailure(verify(lines)), Check.SIGNATURE, 7, 8);
    }

    @Test
    void twoRecordsInTheWrongOrderAreCaughtAtTheFirstOutOfPlace() {
        List<String> lines = new ArrayList<>(bundle());
        String seven = lines.get(7);
        lines.set(7, lines.get(8));
        lines.set(8, seven);

        Finding f = firstFailure(verify(lines));

        assertNames(f, Check.SEQUENCE, 8, 8);
        assertThat(f.detail()).contains("expected seq 7 here, found 8");
    }

    @Test
    void aDeletedMiddleRecordIsCaughtWhereItIsMissing() {
        List<String> lines = new ArrayList<>(bundle());
        lines.remove(12);

        Finding f = firstFailure(verify(lines));

        assertNames(f, Check.SEQUENCE, 13, 13);
        assertThat(f.detail()).contains("expected seq 12 here, found 13");
    }

    @Test
    void aRenumberedRecordAfterADeletionIsCaughtByItsPrevLink() {
        // a deleted record whose successors were renumbered and re-signed by a (buggy or dishonest) key holder
        List<TranscriptRecord> original = records(COUNT, true);
        List<TranscriptRecord> renumbered = new ArrayList<>(original.subList(0, 11));
        TranscriptRecord thirteen = original.get(12);
        renumbered.add(new TranscriptRecord(CHAIN, 12, thirteen.prev(), thirteen.type(), thirteen.at(),
                thirteen.payload()));
        List<String> lines = BundleWriter.write(CHAIN, sign(renumbered, r -> SERVICE), PUBLISHED, kid(SERVICE),
                SERVICE.privateKey());

        Finding f = firstFailure(verify(lines));

        assertNames(f, Check.PREV_LINK, 12, 13);
        assertThat(f.detail()).contains("record 11 hashes to " + original.get(10).hash());
    }

    @Test
    void aRecordOfAnotherChainIsCaught() {
        List<TranscriptRecord> records = new ArrayList<>(records(COUNT, true));
        TranscriptRecord five = records.get(4);
        records.set(4, new TranscriptRecord("auction:other", 5, five.prev(), five.type(), five.at(), five.payload()));
        List<String> lines = BundleWriter.write(CHAIN, sign(records, r -> SERVICE), PUBLISHED, kid(SERVICE),
                SERVICE.privateKey());

        assertNames(firstFailure(verify(lines)), Check.CHAIN, 5, 6);
    }

    @Test
    void theRecordWalkStopsAtTheFirstBrokenRecordButTheHeadIsStillChecked() {
        List<String> lines = edit(bundle(), 6, n -> ((ObjectNode) recordOf(n).get("payload")).put("amount", 1));
        lines = edit(lines, 16, n -> ((ObjectNode) recordOf(n).get("payload")).put("amount", 1));
        lines = edit(lines, HEAD_LINE, n -> n.put("signature", Ed25519.base64(new byte[64])));

        Verification v = verify(lines);

        assertThat(v.failures()).extracting(Finding::check).containsExactly(Check.HASH, Check.HEAD_SIGNATURE);
        assertNames(v.failures().get(0), Check.HASH, 5, 6);
        assertThat(v.summary().verifiedRecords()).isEqualTo(4);
    }

    @Test
    void aLineThatIsNotJsonIsNamedByItsLineNumber() {
        List<String> lines = new ArrayList<>(bundle());
        lines.set(9, lines.get(9).substring(0, 40));

        Finding f = firstFailure(verify(lines));

        assertThat(f.check()).isEqualTo(Check.RECORD_FORMAT);
        assertThat(f.line()).isEqualTo(OptionalInt.of(10));
    }

    @Test
    void aLineWithADuplicateKeyIsRefusedBecauseItWouldMeanTwoThings() {
        List<String> lines = new ArrayList<>(bundle());
        lines.set(9, lines.get(9).replaceFirst("\\{", "{\"kid\":\"x\","));

        Finding f = firstFailure(verify(lines));

        assertNames(f, Check.RECORD_FORMAT, 9, 10);
        assertThat(f.detail()).containsIgnoringCase("duplicate");
    }

    @Test
    void aRecordFieldOfTheWrongTypeIsRefusedRatherThanReadAsText() {
        List<String> lines = edit(bundle(), 4, n -> recordOf(n).put("type", 5));

        Finding f = firstFailure(verify(lines));

        assertNames(f, Check.RECORD_FORMAT, 3, 4);
        assertThat(f.detail()).contains("type must be a string");
    }

    // --- tampering with the end of the bundle ----------------------------------------------------------------

    @Test
    void aTruncatedTailNoLongerMatchesTheSignedHead() {
        List<String> lines = new ArrayList<>(bundle());
        lines.subList(COUNT - 2, COUNT + 1).clear();

        Verification v = verify(lines);
        Finding f = firstFailure(v);

        assertNames(f, Check.HEAD_MATCH, COUNT, lines.size());
        assertThat(f.detail()).contains("the last record is seq " + (COUNT - 3));
        assertThat(v.failures()).hasSize(1);
    }

    @Test
    void aBundleCutShortWithItsHeadIsCaughtAsMissingTheHead() {
        List<String> lines = new ArrayList<>(bundle().subList(0, 15));

        Finding f = firstFailure(verify(lines));

        assertThat(f.check()).isEqualTo(Check.HEAD_MISSING);
        assertThat(f.line()).isEqualTo(OptionalInt.of(15));
    }

    @Test
    void aDroppedHeadLineIsCaught() {
        List<String> lines = new ArrayList<>(bundle());
        lines.remove(lines.size() - 1);

        Verification v = verify(lines);

        assertThat(v.failures()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.HEAD_MISSING);
            assertThat(f.line()).isEqualTo(OptionalInt.of(COUNT + 1));
        });
    }

    @Test
    void aHeadSignedByAKeyRetiredBeforeTheLastRecordIsCaught() {
        Ed25519.KeyPair old = key("service-key-2025");
        PublicKeyInfo retired = TestTranscripts.current(old, START.minus(Duration.ofDays(400))).retiredAt(at(5));
        List<PublicKeyInfo> keys = List.of(retired, SERVICE_KEY);
        List<String> lines = BundleWriter.write(CHAIN, signed, keys, kid(old), old.privateKey());

        Verification v = BundleVerifier.verify(lines, Optional.of(keys), List.of());

        assertThat(v.failures()).singleElement().satisfies(f -> assertNames(f, Check.KEY_VALIDITY, COUNT, HEAD_LINE));
    }

    // --- keys ------------------------------------------------------------------------------------------------

    @Test
    void aRecordSignedByAnUnknownKeyIsCaught() {
        List<SignedRecord> forged = sign(records(COUNT, true), r -> r.seq() == 9 ? STRANGER : SERVICE);
        List<String> lines = BundleWriter.write(CHAIN, forged, PUBLISHED, kid(SERVICE), SERVICE.privateKey());

        Finding f = firstFailure(verify(lines));

        assertNames(f, Check.KEY_UNKNOWN, 9, 10);
        assertThat(f.detail()).contains(kid(STRANGER));
    }

    @Test
    void aRecordSignedByAKeyOutsideItsValidityIsCaught() {
        Instant rotation = at(12).plusSeconds(30);
        List<PublicKeyInfo> keys = List.of(SERVICE_KEY.retiredAt(rotation), TestTranscripts.current(NEXT, rotation));
        List<SignedRecord> late = sign(records(COUNT, true), r -> Instant.parse(r.at()).isAfter(rotation)
                && r.seq() != 15 ? NEXT : SERVICE);
        List<String> lines = BundleWriter.write(CHAIN, late, keys, kid(NEXT), NEXT.privateKey());

        Finding f = firstFailure(BundleVerifier.verify(lines, Optional.of(keys), List.of()));

        assertNames(f, Check.KEY_VALIDITY, 15, 16);
        assertThat(f.detail()).contains(kid(SERVICE)).contains("until " + PublicKeyInfo.format(rotation));
    }

    @Test
    void aSwappedHeaderKeyWithEveryRecordResignedFoolsOnlyAVerifierWithoutThePublishedKeys() {
        List<SignedRecord> forged = sign(records(COUNT, true), r -> STRANGER);
        List<String> lines = BundleWriter.write(CHAIN, forged,
                List.of(TestTranscripts.current(STRANGER, START.minus(Duration.ofDays(1)))), kid(STRANGER),
                STRANGER.privateKey());

        assertThat(BundleVerifier.verify(lines).ok()).isTrue();
        Verification v = verify(lines);
        assertThat(v.findings()).first().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.KEY_NOT_PUBLISHED);
            assertThat(f.detail()).contains(kid(STRANGER));
        });
        assertNames(firstFailure(v), Check.KEY_UNKNOWN, 1, 2);
    }

    @Test
    void aHeaderKeyPublishedUnderAnotherKeysIdIsRefused() {
        String impostor = TestTranscripts.current(STRANGER, START).publicKey();
        List<String> lines = edit(bundle(), 1, n -> ((ObjectNode) n.get("keys").get(0)).put("publicKey", impostor));

        Finding f = firstFailure(BundleVerifier.verify(lines));

        assertThat(f.check()).isEqualTo(Check.HEADER);
        assertThat(f.line()).isEqualTo(OptionalInt.of(1));
        assertThat(f.detail()).contains("is not the key id of its public key");
    }

    @Test
    void aHeaderKeyWithAnotherValidityThanThePublishedOneIsReportedButTheRecordsDecide() {
        List<String> lines = BundleWriter.write(CHAIN, signed, List.of(SERVICE_KEY.retiredAt(at(COUNT + 1))),
                kid(SERVICE), SERVICE.privateKey());

        Verification v = verify(lines);

        assertThat(v.ok()).isTrue();
        assertThat(v.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.check()).isEqualTo(Check.KEY_MISMATCH);
        });
    }

    @Test
    void aHeaderWhoseKeyWasReplacedLeavesEveryRecordUnverifiable() {
        List<String> lines = edit(bundle(), 1, n -> n.set("keys",
                PublicKeyInfo.toJsonArray(List.of(TestTranscripts.current(STRANGER, START)))));

        assertNames(firstFailure(BundleVerifier.verify(lines)), Check.KEY_UNKNOWN, 1, 2);
    }

    @Test
    void anEmptyBundleOrABadHeaderFailsAtLineOne() {
        assertThat(firstFailure(verify(List.of())).check()).isEqualTo(Check.HEADER);
        List<String> wrongFormat = edit(bundle(), 1, n -> n.put("format", "ngms-transcript-bundle/0"));
        Finding f = firstFailure(verify(wrongFormat));
        assertThat(f.check()).isEqualTo(Check.HEADER);
        assertThat(f.line()).isEqualTo(OptionalInt.of(1));
    }

    // --- committed randomness --------------------------------------------------------------------------------

    @Test
    void aRevealedSeedThatDoesNotMatchItsCommitmentIsCaught() {
        List<SignedRecord> wrong = sign(records(COUNT, true, TestTranscripts.bytes("another seed")), r -> SERVICE);
        List<String> lines = BundleWriter.write(CHAIN, wrong, PUBLISHED, kid(SERVICE), SERVICE.privateKey());

        Verification v = verify(lines);
        Finding f = firstFailure(v);

        assertNames(f, Check.SEED_REVEAL, COUNT, COUNT + 1);
        assertThat(f.detail()).contains("the commitment is ");
        assertThat(v.summary().seed()).isEqualTo(SeedStatus.BROKEN);
    }

    @Test
    void anAuctionChainThatDoesNotOpenWithItsSeedCommitmentIsCaught() {
        List<TranscriptRecord> records = new ArrayList<>(records(COUNT, false));
        TranscriptRecord first = records.get(0);
        ObjectNode payload = ((ObjectNode) first.payload()).deepCopy();
        payload.remove("seedCommitment");
        records.set(0, new TranscriptRecord(CHAIN, 1, first.prev(), first.type(), first.at(), payload));
        List<TranscriptRecord> relinked = relink(records);
        List<String> lines = BundleWriter.write(CHAIN, sign(relinked, r -> SERVICE), PUBLISHED, kid(SERVICE),
                SERVICE.privateKey());

        assertNames(firstFailure(verify(lines)), Check.SEED_COMMITMENT, 1, 2);
    }

    private static List<TranscriptRecord> relink(List<TranscriptRecord> records) {
        List<TranscriptRecord> out = new ArrayList<>();
        String prev = TranscriptRecord.GENESIS;
        for (TranscriptRecord r : records) {
            TranscriptRecord linked = new TranscriptRecord(r.chain(), r.seq(), prev, r.type(), r.at(), r.payload());
            out.add(linked);
            prev = linked.hash();
        }
        return out;
    }

    // --- receipts --------------------------------------------------------------------------------------------

    @Test
    void aReceiptThatMatchesItsRecordIsChecked() {
        Verification v = BundleVerifier.verify(bundle(), Optional.of(PUBLISHED),
                List.of(receipt(signed.get(9), SERVICE), receipt(signed.get(2), SERVICE)));

        assertThat(v.ok()).as(v.findings().toString()).isTrue();
        assertThat(v.summary().receiptsChecked()).isEqualTo(2);
    }

    @Test
    void aReceiptWhoseRequestHashWasChangedAfterSigningFailsItsSignature() {
        Receipt good = receipt(signed.get(9), SERVICE);
        Receipt changed = new Receipt(good.auction(), good.stage(), good.round(), good.actor(),
                flipOneChar(good.requestSha256(), 0), good.chain(), good.seq(), good.recordHash(), good.serverTime(),
                good.kid(), good.signature());

        Verification v = BundleVerifier.verify(bundle(), Optional.of(PUBLISHED), List.of(changed));

        assertThat(v.failures()).extracting(Finding::check)
                .containsExactly(Check.RECEIPT_SIGNATURE, Check.RECEIPT_REQUEST);
        assertNames(v.failures().get(0), Check.RECEIPT_SIGNATURE, 10, 11);
    }

    @Test
    void aSignedReceiptForAnotherRequestThanTheRecordedOneIsCaught() {
        Receipt other = receipt(signed.get(9), TestTranscripts.requestSha256(99), signed.get(9).hash(), SERVICE);

        Finding f = firstFailure(BundleVerifier.verify(bundle(), Optional.of(PUBLISHED), List.of(other)));

        assertNames(f, Check.RECEIPT_REQUEST, 10, 11);
    }

    @Test
    void aReceiptWithTheWrongRecordHashIsCaught() {
        Receipt wrong = receipt(signed.get(9), TestTranscripts.requestSha256(10), signed.get(8).hash(), SERVICE);

        Finding f = firstFailure(BundleVerifier.verify(bundle(), Optional.of(PUBLISHED), List.of(wrong)));

        assertNames(f, Check.RECEIPT_RECORD_HASH, 10, 11);
    }

    @Test
    void aReceiptSignedByAnotherKeyIsCaught() {
        Receipt forged = receipt(signed.get(9), STRANGER);

        Finding f = firstFailure(BundleVerifier.verify(bundle(), Optional.of(PUBLISHED), List.of(forged)));

        assertNames(f, Check.RECEIPT_SIGNATURE, 10, 11);
    }

    @Test
    void aReceiptForARecordTheBundleDoesNotHaveIsCaught() {
        Receipt good = receipt(signed.get(9), SERVICE);
        List<String> shorter = BundleWriter.write(CHAIN, signed.subList(0, 8), PUBLISHED, kid(SERVICE),
                SERVICE.privateKey());

        Verification v = BundleVerifier.verify(shorter, Optional.of(PUBLISHED), List.of(good));

        assertThat(v.failures()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.RECEIPT_RECORD);
            assertThat(f.seq()).isEqualTo(OptionalLong.of(10));
        });
    }
}
