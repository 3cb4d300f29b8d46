package org.ngms.auction.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import org.ngms.shared.OwnerOnlyFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The master key that wraps every auction's sealed-bid private key: 32 random bytes, from
 * {@code NGMS_BID_MASTER_KEY} (base64) or a file {@code bid-master.key} in the key directory, created on first use
 * readable only by its owner. Without it, a copy of the database cannot open a single sealed bid.
 */
@Component
public class BidKeyVault {

    private final String configured;
    private final Path file;
    private volatile byte[] key;

    public BidKeyVault(@Value("${ngms.sealed-bids.master-key:}") String configured,
                       @Value("${ngms.signing.key-dir:data/keys}") Path keyDir) {
        this.configured = configured.strip();
        this.file = keyDir.toAbsolutePath().normalize().resolve("bid-master.key");
    }

    synchronized byte[] masterKey() {
        if (key == null) {
            key = configured.isEmpty() ? fromFile() : decode(configured, "NGMS_BID_MASTER_KEY");
        }
        return key.clone();
    }

    private byte[] fromFile() {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    OwnerOnlyFiles.createNew(file, Base64.getEncoder().encodeToString(fresh) + "\n");
                } catch (FileAlreadyExistsException raced) {
                    // another instance created it first: read theirs
                }
            }
            return decode(Files.readString(file, StandardCharsets.UTF_8).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the sealed-bid master key " + file, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        if (bytes.length != 32) {
            throw new IllegalStateException("the sealed-bid master key in " + source + " must be 32 bytes (base64)");
        }
        return bytes;
    }
}
