package org.ngms.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFilesTest {

    @TempDir
    Path dir;

    @Test
    void aSecretIsWrittenWholeAndReadableOnlyByItsOwner() throws IOException {
        Path file = dir.resolve("keys/secret.key");

        OwnerOnlyFiles.createNew(file, "s3cret\n");

        assertThat(Files.readString(file)).isEqualTo("s3cret\n");
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void anExistingSecretIsNeverReplaced() throws IOException {
        Path file = dir.resolve("secret.key");
        OwnerOnlyFiles.createNew(file, "first");

        assertThatThrownBy(() -> OwnerOnlyFiles.createNew(file, "second"))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("first");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    /** Where there are access lists instead of POSIX permissions (Windows), the list names the owner alone. */
    @Test
    void onAnAclFileSystemTheAccessListNamesOnlyTheOwner() throws IOException {
        Path file = dir.resolve("secret.key");
        UserPrincipal owner = () -> "regulator-host\\ngms";
        UserPrincipal everyone = () -> "Everyone";
        List<AclEntry> entries = new ArrayList<>(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW)
                .setPrincipal(everyone).setPermissions(AclEntryPermission.READ_DATA).build()));
        AclFileAttributeView view = new AclFileAttributeView() {
            @Override
            public String name() {
                return "acl";
            }

            @Override
            public UserPrincipal getOwner() {
                return owner;
            }

            @Override
            public void setOwner(UserPrincipal principal) {
                throw new AssertionError("restrictToOwner must never change the owner");
            }

            @Override
            public List<AclEntry> getAcl() {
                return List.copyOf(entries);
            }

            @Override
            public void setAcl(List<AclEntry> acl) {
                entries.clear();
                entries.addAll(acl);
            }
        };

        OwnerOnlyFiles.restrictToOwner(file, view);

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.principal()).isSameAs(owner);
            assertThat(entry.type()).isEqualTo(AclEntryType.ALLOW);
            assertThat(entry.permissions()).contains(AclEntryPermission.READ_DATA, AclEntryPermission.WRITE_DATA);
        });
    }

    @Test
    void aFileSystemWithNeitherPermissionsNorAccessListsIsRefused() {
        Path file = dir.resolve("secret.key");

        assertThatThrownBy(() -> OwnerOnlyFiles.restrictToOwner(file, null))
                .isInstanceOf(IOException.class).hasMessageContaining("owner only");
    }
}
