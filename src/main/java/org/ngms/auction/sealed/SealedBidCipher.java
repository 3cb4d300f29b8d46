package org.ngms.auction.sealed;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * Sealed bids are encrypted to the auction: each auction has an X25519 key pair; a bid is encrypted with AES-256-GCM
 * under a key agreed between a fresh ephemeral key and the auction's public key (HKDF-SHA-256), bound to its auction,
 * stage, bidder and version as associated data. Encrypting needs only the public key; only opening needs the
 * private key, which the service keeps wrapped (AES-256-GCM) under its master key until the deadline has passed.
 */
public final class SealedBidCipher {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] INFO = "ngms-sealed-bid/1".getBytes(StandardCharsets.UTF_8);

    private SealedBidCipher() {
    }

    /** An auction's bid key pair: raw 32-byte X25519 keys. */
    public record AuctionKeys(byte[] privateKey, byte[] publicKey) {
    }

    /** A sealed bid at rest: the ephemeral public key, the GCM nonce and the ciphertext (with its tag). */
    public record Sealed(byte[] ephemeralPublicKey, byte[] nonce, byte[] ciphertext) {
    }

    public static AuctionKeys newAuctionKeys() {
        X25519PrivateKeyParameters key = new X25519PrivateKeyParameters(RANDOM);
        return new AuctionKeys(key.getEncoded(), key.generatePublicKey().getEncoded());
    }

    public static Sealed seal(byte[] auctionPublicKey, byte[] plaintext, byte[] associatedData) {
        X25519PrivateKeyParameters ephemeral = new X25519PrivateKeyParameters(RANDOM);
        byte[] ephemeralPublic = ephemeral.generatePublicKey().getEncoded();
        byte[] key = agree(ephemeral, auctionPublicKey, ephemeralPublic);
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        return new Sealed(ephemeralPublic, nonce, aes(Cipher.ENCRYPT_MODE, key, nonce, associatedData, plaintext));
    }

    /** Decrypts a sealed bid; throws if it was altered or bound to other associated data. */
    public static byte[] open(byte[] auctionPrivateKey, Sealed sealed, byte[] associatedData) {
        X25519PrivateKeyParameters auction = new X25519PrivateKeyParameters(auctionPrivateKey, 0);
        byte[] key = agree(auction, sealed.ephemeralPublicKey(), sealed.ephemeralPublicKey());
        return aes(Cipher.DECRYPT_MODE, key, sealed.nonce(), associatedData, sealed.ciphertext());
    }

    /** Wraps (or unwraps) an auction's private key under the service's 32-byte master key. */
    public static byte[] wrap(byte[] masterKey, byte[] privateKey, byte[] associatedData) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        byte[] wrapped = aes(Cipher.ENCRYPT_MODE, masterKey, nonce, associatedData, privateKey);
        byte[] out = new byte[12 + wrapped.length];
        System.arraycopy(nonce, 0, out, 0, 12);
        System.arraycopy(wrapped, 0, out, 12, wrapped.length);
        return out;
    }

    public static byte[] unwrap(byte[] masterKey, byte[] wrapped, byte[] associatedData) {
        byte[] nonce = java.util.Arrays.copyOfRange(wrapped, 0, 12);
        byte[] body = java.util.Arrays.copyOfRange(wrapped, 12, wrapped.length);
        return aes(Cipher.DECRYPT_MODE, masterKey, nonce, associatedData, body);
    }

    /**
     * HKDF-SHA-256 of the X25519 shared secret, salted with the ephemeral public key, so each bid has its own key.
     * The receiver passes the ephemeral public key both as peer and as salt.
     */
    private static byte[] agree(X25519PrivateKeyParameters own, byte[] peerPublic, byte[] ephemeralPublic) {
        X25519Agreement agreement = new X25519Agreement();
        agreement.init(own);
        byte[] shared = new byte[agreement.getAgreementSize()];
        agreement.calculateAgreement(new X25519PublicKeyParameters(peerPublic, 0), shared, 0);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(shared, ephemeralPublic, INFO));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, 32);
        return key;
    }

    private static byte[] aes(int mode, byte[] key, byte[] nonce, byte[] associatedData, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed bid failed authentication or could not be encrypted", e);
        }
    }
}
