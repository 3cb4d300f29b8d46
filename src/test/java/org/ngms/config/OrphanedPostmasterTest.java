package org.ngms.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ngms.config.OrphanedPostmaster.Identity;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * What the embedded server's start does with a data directory an earlier service left behind, on everything but a
 * real orphan (a server whose JVM was killed: {@code CrashRestartIT} runs that with the packaged jar): stale pid files
 * go, and no process that is not the server of our own data directory is ever signalled.
 */
class OrphanedPostmasterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A real server of this JVM, holding zonky's lock on its directory as a running service does. */
    private static EmbeddedPostgres running;
    private static Path runningDirectory;
    private static long runningPid;

    @TempDir
    Path dir;

    @BeforeAll
    static void aRunningServer() throws IOException {
        runningDirectory = Files.createTempDirectory("ngms-orphan-test-pg");
        running = EmbeddedPostgres.builder().setDataDirectory(runningDirectory).setCleanDataDirectory(true).start();
        runningPid = Long.parseLong(Files.readAllLines(runningDirectory.resolve("postmaster.pid")).get(0).strip());
    }

    @AfterAll
    static void stop() throws IOException {
        running.close();
    }

    private static void assertStillServing() throws SQLException {
        assertThat(ProcessHandle.of(runningPid).map(ProcessHandle::isAlive)).contains(true);
        try (Connection c = running.getPostgresDatabase().getConnection()) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    private void pidFile(String content) throws IOException {
        Files.writeString(dir.resolve("postmaster.pid"), content);
    }

    @Test
    void aDirectoryWithoutPidFileIsLeftExactlyAsItIs() throws IOException {
        assertThat(OrphanedPostmaster.clear(dir, TIMEOUT)).isEmpty();

        // initdb needs an empty directory: not even the lock file may be created here
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void thePidFileOfAProcessThatIsGoneIsRemoved() throws Exception {
        Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        gone.waitFor();
        pidFile(gone.pid() + "\n" + dir + "\n");

        List<String> done = OrphanedPostmaster.clear(dir, TIMEOUT);

        assertThat(done).singleElement().asString().contains("process " + gone.pid() + ", which is no longer running");
        assertThat(dir.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void anEmptyPidFileIsRemoved() throws IOException {
        pidFile("");

        assertThat(OrphanedPostmaster.clear(dir, TIMEOUT)).singleElement().asString().contains("names no process");
        assertThat(dir.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void aProcessNumberReusedByAnotherProgramIsLeftAloneAndThePidFileRemoved() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            pidFile(other.pid() + "\n" + dir + "\n");

            assertThat(OrphanedPostmaster.clear(dir, TIMEOUT)).singleElement().asString()
                    .contains("belongs to another program, which was left alone");

            assertThat(other.isAlive()).isTrue();
            assertThat(dir.resolve("postmaster.pid")).doesNotExist();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void theServerOfAnotherDataDirectoryIsNeverStopped() throws Exception {
        assertThat(OrphanedPostmaster.identify(ProcessHandle.of(runningPid).orElseThrow(), runningDirectory))
                .isEqualTo(Identity.OUR_POSTMASTER);
        assertThat(OrphanedPostmaster.identify(ProcessHandle.of(runningPid).orElseThrow(), dir))
                .isEqualTo(Identity.OTHER_PROCESS);
        pidFile(runningPid + "\n" + dir + "\n");

        assertThat(OrphanedPostmaster.clear(dir, TIMEOUT)).singleElement().asString()
                .contains("belongs to another program");

        assertStillServing();
        assertThat(dir.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void aDirectoryInUseByARunningServiceIsRefusedAndItsServerKept() throws Exception {
        assertThatThrownBy(() -> OrphanedPostmaster.clear(runningDirectory, TIMEOUT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is in use by another running service")
                .hasMessageContaining("epg-lock");

        assertStillServing();
        assertThat(runningDirectory.resolve("postmaster.pid")).exists();
    }
}
