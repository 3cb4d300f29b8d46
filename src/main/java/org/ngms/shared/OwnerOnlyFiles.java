package org.ngms.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Secrets on disk (a bootstrap token, signing keys, the sealed-bid master key): files only their owner can read
 * ({@code rw-------} where the file system has POSIX permissions), written whole or not at all.
 */
public final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    /**
     * Writes {@code content} to a new file: first to a temporary owner-only file beside it, then moved into place, so
     * that a reader never sees a partly written secret.
     *
     * @throws java.nio.file.FileAlreadyExistsException if the file exists (another process may have written it first)
     */
    public static void createNew(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temporary;
        try {
            FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------"));
            temporary = Files.createTempFile(dir, ".secret-", ".tmp", ownerOnly);
        } catch (UnsupportedOperationException notPosixFileSystem) {
            temporary = Files.createTempFile(dir, ".secret-", ".tmp");
        }
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            // a hard link appears whole and fails if the name is taken, where a rename would replace it
            Files.createLink(file, temporary);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
