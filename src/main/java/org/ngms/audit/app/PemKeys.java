package org.ngms.audit.app;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.SecureRandom;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.io.pem.PemObject;
import org.ngms.audit.Ed25519;

/**
 * Ed25519 private keys as PKCS#8 PEM, through Bouncy Castle: {@code ENCRYPTED PRIVATE KEY} (AES-256-CBC, PBKDF2)
 * when a passphrase is given, else {@code PRIVATE KEY}. The same files openssl reads and writes
 * ({@code openssl genpkey -algorithm ed25519 -aes256}).
 */
final class PemKeys {

    /** Bouncy Castle's JCA provider, for PKCS#8 encryption (AES-256-CBC with PKCS#7 padding, PBKDF2). */
    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private PemKeys() {
    }

    static String write(Ed25519.KeyPair keys, char[] passphrase) {
        try {
            PrivateKeyInfo info = new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
                    new DEROctetString(keys.privateKey()));
            StringWriter out = new StringWriter();
            try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
                if (passphrase == null || passphrase.length == 0) {
                    pem.writeObject(new PemObject("PRIVATE KEY", info.getEncoded()));
                } else {
                    var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                            .setProvider(PROVIDER)
                            .setRandom(new SecureRandom())
                            .setPassword(passphrase)
                            .build();
                    pem.writeObject(new PKCS8Generator(info, encryptor).generate());
                }
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot set up PEM encryption", e);
        }
    }

    static Ed25519.KeyPair read(String pemText, char[] passphrase) {
        try (PEMParser parser = new PEMParser(new StringReader(pemText))) {
            Object object = parser.readObject();
            PrivateKeyInfo info;
            if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                if (passphrase == null || passphrase.length == 0) {
                    throw new IllegalStateException("the signing key is encrypted; set NGMS_SIGNING_KEY_PASSPHRASE");
                }
                info = encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                        .setProvider(PROVIDER).build(passphrase));
            } else if (object instanceof PrivateKeyInfo plain) {
                info = plain;
            } else {
                throw new IllegalStateException("the signing key file holds no PKCS#8 private key");
            }
            if (!EdECObjectIdentifiers.id_Ed25519.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
                throw new IllegalStateException("the signing key is not an Ed25519 key");
            }
            byte[] seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
            return Ed25519.fromPrivateKey(seed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key", e);
        } catch (OperatorCreationException | PKCSException e) {
            throw new IllegalStateException("cannot decrypt the signing key: wrong passphrase?", e);
        }
    }
}
