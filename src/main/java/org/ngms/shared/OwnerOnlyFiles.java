package org.ngms.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;

/**
 * Secrets on disk (a bootstrap token, signing keys, the sealed-bid master key): files only their owner can read
 * ({@code rw-------} where the file system has POSIX permissions, an access list naming only the owner where it has
 * ACLs, as on Windows), written whole or not at all. A file system with neither is refused rather than trusted.
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
        if (Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
            temporary = Files.createTempFile(dir, ".secret-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            temporary = Files.createTempFile(dir, ".secret-", ".tmp");
            try {
                restrictToOwner(temporary, Files.getFileAttributeView(temporary, AclFileAttributeView.class));
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temporary);
                throw e;
            }
        }
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            // a hard link appears whole and fails if the name is taken, where a rename would replace it
            Files.createLink(file, temporary);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Replaces the file's access list (still empty of content) with one entry: everything for its owner. */
    static void restrictToOwner(Path file, AclFileAttributeView acl) throws IOException {
        if (acl == null) {
            throw new IOException("cannot make " + file + " readable by its owner only: its file system has neither "
                    + "POSIX permissions nor access lists; keep the service's data directory on one that has");
        }
        UserPrincipal owner = acl.getOwner();
        acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build()));
    }
}
