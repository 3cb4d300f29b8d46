package org.ngms.audit;

import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Ed25519 (RFC 8032) through Bouncy Castle's lightweight API. Keys are the raw 32-byte private seed and 32-byte
 * public key; signatures are 64 bytes, written base64 (standard alphabet, padded) in JSON.
 */
public final class Ed25519 {

    public static final String ALGORITHM = "Ed25519";

    private Ed25519() {
    }

    /** A key pair: the 32-byte private seed and the public key it determines. */
    public record KeyPair(byte[] privateKey, byte[] publicKey) {
        public KeyPair {
            if (privateKey.length != 32 || publicKey.length != 32) {
                throw new IllegalArgumentException("Ed25519 keys are 32 bytes");
            }
            privateKey = privateKey.clone();
            publicKey = publicKey.clone();
        }

        @Override
        public byte[] privateKey() {
            return privateKey.clone();
        }

        @Override
        public byte[] publicKey() {
            return publicKey.clone();
        }
    }

    public static KeyPair generate(SecureRandom random) {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(random);
        return new KeyPair(key.getEncoded(), key.generatePublicKey().getEncoded());
    }

    public static KeyPair fromPrivateKey(byte[] privateKey) {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(privateKey, 0);
        return new KeyPair(key.getEncoded(), key.generatePublicKey().getEncoded());
    }

    public static byte[] sign(byte[] privateKey, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(privateKey, 0));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** False for a wrong signature, a malformed key or a malformed signature; never throws for bad input. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || publicKey.length != 32 || signature == null || signature.length != 64) {
            return false;
        }
        try {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Decodes standard base64; null when the text is not base64. */
    public static byte[] fromBase64(String text) {
        try {
            return text == null ? null : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A key id: the first 16 hex digits of the SHA-256 of the public key. */
    public static String keyId(byte[] publicKey) {
        return org.ngms.shared.CanonicalJson.sha256Hex(publicKey).substring(0, 16);
    }
}
