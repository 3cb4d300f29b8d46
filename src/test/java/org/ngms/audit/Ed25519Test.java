package org.ngms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Ed25519 through {@link Ed25519} (Bouncy Castle) against the test vectors of RFC 8032 §7.1, and against the JDK's
 * own implementation (SunEC), so that a signature made by either is accepted by the other.
 */
class Ed25519Test {

    private static final HexFormat HEX = HexFormat.of();
    /** DER prefixes of an Ed25519 SubjectPublicKeyInfo and PKCS #8 private key (RFC 8410); the raw key follows. */
    private static final byte[] SPKI_PREFIX = HEX.parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = HEX.parseHex("302e020100300506032b657004220420");

    @ParameterizedTest(name = "RFC 8032 {0}")
    @CsvSource({
        "TEST 1, 9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60, "
                + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a, '', "
                + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        "TEST 2, 4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb, "
                + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72, "
                + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        "TEST 3, c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7, "
                + "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025, af82, "
                + "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
        "TEST 1024, f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5, "
                + "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e, @test-1024-message.hex, "
                + "0aab4c900501b3e24d7cdf4663326a3a87df5e4843b2cbdb67cbf6e460fec350aa5371b1508f9f4528ecea23c436d94b5e8fcd4f681e30a6ac00a9704a188a03",
        "TEST SHA(abc), 833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42, "
                + "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf, "
                + "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f, "
                + "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"
    })
    void theSecretKeyGivesThePublicKeyAndTheSignatureOfTheRfc(String name, String secret, String publicKey,
                                                                String message, String signature) throws IOException {
        byte[] msg = message(message);

        Ed25519.KeyPair pair = Ed25519.fromPrivateKey(HEX.parseHex(secret));

        assertThat(HEX.formatHex(pair.publicKey())).isEqualTo(publicKey);
        assertThat(HEX.formatHex(Ed25519.sign(pair.privateKey(), msg))).isEqualTo(signature);
        assertThat(Ed25519.verify(HEX.parseHex(publicKey), msg, HEX.parseHex(signature))).isTrue();
        byte[] flipped = HEX.parseHex(signature);
        flipped[63] ^= 0x01;
        assertThat(Ed25519.verify(HEX.parseHex(publicKey), msg, flipped)).isFalse();
    }

    @Test
    void theLongVectorIsTheRfcs1023ByteMessage() throws IOException {
        assertThat(message("@test-1024-message.hex")).hasSize(1023);
    }

    private static byte[] message(String message) throws IOException {
        if (!message.startsWith("@")) {
            return HEX.parseHex(message);
        }
        try (InputStream in = Ed25519Test.class.getResourceAsStream("/rfc8032/" + message.substring(1))) {
            return HEX.parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        }
    }

    @Test
    void verificationRefusesMalformedKeysAndSignaturesWithoutThrowing() {
        byte[] message = "m".getBytes(StandardCharsets.UTF_8);
        assertThat(Ed25519.verify(new byte[31], message, new byte[64])).isFalse();
        assertThat(Ed25519.verify(new byte[32], message, new byte[63])).isFalse();
        assertThat(Ed25519.verify(null, message, null)).isFalse();
    }

    @Test
    void theJdkVerifiesBouncyCastleSignaturesAndBouncyCastleVerifiesTheJdks() throws GeneralSecurityException {
        Ed25519.KeyPair pair = TestTranscripts.key("cross-check");
        byte[] message = Signatures.record("0".repeat(64));
        KeyFactory factory = KeyFactory.getInstance("Ed25519", "SunEC");
        PublicKey jdkPublic = factory.generatePublic(new X509EncodedKeySpec(concat(SPKI_PREFIX, pair.publicKey())));
        PrivateKey jdkPrivate = factory.generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX,
                pair.privateKey())));

        Signature jdkVerifier = Signature.getInstance("Ed25519", "SunEC");
        jdkVerifier.initVerify(jdkPublic);
        jdkVerifier.update(message);
        assertThat(jdkVerifier.verify(Ed25519.sign(pair.privateKey(), message))).as("SunEC accepts BC").isTrue();

        Signature jdkSigner = Signature.getInstance("Ed25519", "SunEC");
        jdkSigner.initSign(jdkPrivate);
        jdkSigner.update(message);
        byte[] jdkSignature = jdkSigner.sign();
        assertThat(Ed25519.verify(pair.publicKey(), message, jdkSignature)).as("BC accepts SunEC").isTrue();
        // Ed25519 is deterministic: both produce the same bytes
        assertThat(jdkSignature).isEqualTo(Ed25519.sign(pair.privateKey(), message));
        byte[] encoded = jdkPublic.getEncoded();
        assertThat(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length)).isEqualTo(pair.publicKey());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void theKeyIdIsTheFirstSixteenHexDigitsOfTheSha256OfThePublicKey() {
        byte[] publicKey = HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

        assertThat(Ed25519.keyId(publicKey)).isEqualTo("21fe31dfa154a261");
    }
}
