package org.ngms.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ngms.config.EmbeddedPostgresServer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The real PostgreSQL that integration tests run on, chosen once per JVM: the configured one ({@code DB_HOST} or
 * {@code PGHOST}, picked up by the service's own configuration), else a Testcontainers PostgreSQL where Docker runs,
 * else an embedded PostgreSQL in a fresh temporary directory. Never the service's own data directory.
 */
public final class TestDatabase {

    private static String description;

    private TestDatabase() {
    }

    /** The bootstrap regulator token of every test context (the first context to start creates the account). */
    public static final String REGULATOR_TOKEN = "ngms_test-regulator-token-0123456789abcdefghijklmnop";

    /** Points the service at the test database through system properties, before any Spring context starts. */
    public static synchronized String configure() {
        if (description != null) {
            return description;
        }
        System.setProperty("ngms.bootstrap.token", REGULATOR_TOKEN);
        System.setProperty("ngms.signing.passphrase", "test-passphrase");
        try {
            System.setProperty("ngms.signing.key-dir", Files.createTempDirectory("ngms-test-keys").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (isSet("DB_HOST") || isSet("PGHOST")) {
            description = "configured server " + (isSet("DB_HOST") ? System.getenv("DB_HOST") : System.getenv("PGHOST"));
        } else if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            use("r2dbc:postgresql://" + container.getHost() + ":" + container.getFirstMappedPort() + "/"
                    + container.getDatabaseName(), container.getUsername(), container.getPassword());
            description = "Testcontainers " + container.getDockerImageName();
        } else {
            EmbeddedPostgres postgres = startEmbedded();
            use("r2dbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", "");
            description = "embedded PostgreSQL on port " + postgres.getPort();
        }
        System.out.println("Integration tests use " + description);
        return description;
    }

    private static boolean isSet(String name) {
        String value = System.getenv(name);
        return value != null && !value.isBlank();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static EmbeddedPostgres startEmbedded() {
        try {
            Path dir = Files.createTempDirectory("ngms-test-pg");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dir)
                    .setCleanDataDirectory(true);
            // durable like the service's own server: the service refuses a database that is not (DurableDatabaseCheck)
            EmbeddedPostgresServer.DURABLE_SETTINGS.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary directory is removed by zonky
                }
            }));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an embedded PostgreSQL for the tests", e);
        }
    }

    private static void use(String r2dbcUrl, String user, String password) {
        System.setProperty("spring.r2dbc.url", r2dbcUrl);
        System.setProperty("spring.r2dbc.username", user);
        System.setProperty("spring.r2dbc.password", password);
    }
}
