package org.ngms.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** SignedRecord and PublicKeyInfo: what they refuse, and that their JSON round-trips. */
class AuditRecordsTest {

    private static final Ed25519.KeyPair KEY = TestTranscripts.key("records-test");
    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00.000Z");

    @Test
    void aRecordsCanonicalJsonFromItsCanonicalPayloadIsItsCanonicalJson() {
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        List<String> payloads = List.of("{}", "{\"z\":1,\"a\":[3,2,1],\"prevx\":\",\\\"prev\\\":\"}",
                "{\"stage\":\"clock\",\"price\":1000000000000000,\"text\":\"Zürich \\u2028 \\ud83d\\ude00 \\\"q\\\"\"}",
                "{\"nested\":{\"b\":{\"y\":true,\"x\":null},\"a\":-0},\"list\":[{\"k\":\"v\"}]}");
        for (String text : payloads) {
            for (int i = 0; i < 20; i++) {
                TranscriptRecord r = new TranscriptRecord(random.nextBoolean() ? "service" : "auction:"
                        + java.util.UUID.randomUUID(), 1 + random.nextInt(1_000_000), TranscriptRecord.GENESIS
                        .replace('0', "0123456789abcdef".charAt(random.nextInt(16))), "ROUND_RESULT",
                        "2026-12-02T03:30:00.123Z", json.readTree(text));
                assertThat(r.canonicalJson(TranscriptRecord.canonicalPayload(r.payload())))
                        .as(text).isEqualTo(r.canonicalJson());
            }
        }
    }

    @Test
    void aSignedRecordRoundTripsThroughItsLine() {
        TranscriptRecord record = TestTranscripts.records(1, false).get(0);
        SignedRecord signed = SignedRecord.sign(record, TestTranscripts.kid(KEY), KEY.privateKey());

        SignedRecord read = SignedRecord.fromJsonLine(signed.toJsonLine());

        assertThat(read).isEqualTo(signed);
        assertThat(read.hashMatches()).isTrue();
        assertThat(read.signatureValid(KEY.publicKey())).isTrue();
        assertThat(read.signatureValid(TestTranscripts.key("other").publicKey())).isFalse();
    }

    @Test
    void aSignedRecordRefusesAMalformedHashAndExtraFields() {
        TranscriptRecord record = TestTranscripts.records(1, false).get(0);
        assertThatIllegalArgumentException().isThrownBy(() -> new SignedRecord(record, "ABC", "k", "s"))
                .withMessageContaining("hash must be 64 lower-case hex digits");
        String line = SignedRecord.sign(record, "k", KEY.privateKey()).toJsonLine();
        assertThatIllegalArgumentException().isThrownBy(() -> SignedRecord.fromJsonLine(
                line.replaceFirst("\\{", "{\"extra\":1,"))).withMessageContaining("exactly record, hash, kid");
        assertThatIllegalArgumentException().isThrownBy(() -> SignedRecord.fromJsonLine(line + " {}"))
                .withMessageContaining("not JSON");
    }

    @Test
    void aPublicKeyRoundTripsThroughTheKeysDocument() {
        PublicKeyInfo current = PublicKeyInfo.of(KEY.publicKey(), FROM, Optional.empty());
        PublicKeyInfo old = PublicKeyInfo.of(TestTranscripts.key("old").publicKey(), FROM.minusSeconds(86_400),
                Optional.of(FROM));

        List<PublicKeyInfo> read = PublicKeyInfo.fromKeysDocument(
                SignedRecord.parse(PublicKeyInfo.keysDocument(List.of(old, current)).toString()));

        assertThat(read).containsExactly(old, current);
        assertThat(current.toJson().has("validUntil")).isFalse();
        assertThat(old.toJson().get("validUntil").asString()).isEqualTo("2026-03-01T00:00:00.000Z");
    }

    @Test
    void aKeyIsValidFromItsStartUntilItsEndInclusive() {
        PublicKeyInfo key = PublicKeyInfo.of(KEY.publicKey(), FROM, Optional.of(FROM.plusSeconds(60)));

        assertThat(key.validAt(FROM)).isTrue();
        assertThat(key.validAt(FROM.plusSeconds(60))).isTrue();
        assertThat(key.validAt(FROM.minusMillis(1))).isFalse();
        assertThat(key.validAt(FROM.plusSeconds(60).plusMillis(1))).isFalse();
    }

    @Test
    void aPublicKeyRefusesAWrongKeyIdAlgorithmLengthOrPeriod() {
        String b64 = Ed25519.base64(KEY.publicKey());
        String kid = Ed25519.keyId(KEY.publicKey());
        assertThatIllegalArgumentException().isThrownBy(() -> new PublicKeyInfo("0123456789abcdef", "Ed25519", b64,
                FROM, Optional.empty())).withMessageContaining("is not the key id of its public key");
        assertThatIllegalArgumentException().isThrownBy(() -> new PublicKeyInfo(kid, "RSA", b64, FROM,
                Optional.empty())).withMessageContaining("algorithm must be Ed25519");
        assertThatIllegalArgumentException().isThrownBy(() -> new PublicKeyInfo(kid, "Ed25519", "AAAA", FROM,
                Optional.empty())).withMessageContaining("base64 of 32 bytes");
        assertThatIllegalArgumentException().isThrownBy(() -> new PublicKeyInfo(kid, "Ed25519", b64, FROM,
                Optional.of(FROM.minusSeconds(1)))).withMessageContaining("is before validFrom");
        assertThatIllegalArgumentException().isThrownBy(() -> PublicKeyInfo.fromKeysDocument(SignedRecord.parse(
                PublicKeyInfo.keysDocument(List.of(PublicKeyInfo.of(KEY.publicKey(), FROM, Optional.empty()),
                        PublicKeyInfo.of(KEY.publicKey(), FROM, Optional.empty()))).toString())))
                .withMessageContaining("appears twice");
    }

    @Test
    void aTranscriptRecordRefusesAFieldOfTheWrongTypeInsteadOfReadingItAsText() {
        String json = TestTranscripts.records(1, false).get(0).toJson().put("chain", 5).toString();

        assertThatIllegalArgumentException().isThrownBy(() -> TranscriptRecord.fromJson(SignedRecord.parse(json)))
                .withMessage("chain must be a string");
    }
}
