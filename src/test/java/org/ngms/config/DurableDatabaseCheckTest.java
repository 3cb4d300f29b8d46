package org.ngms.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ngms.NgmsApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

import io.r2dbc.spi.ConnectionFactories;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The start-up check on real PostgreSQL servers: one started with the service's durable settings, one with zonky's
 * speed settings made explicit (fsync and synchronous_commit off), as a careless database would be.
 */
@ExtendWith(OutputCaptureExtension.class)
class DurableDatabaseCheckTest {

    private static EmbeddedPostgres durable;
    private static EmbeddedPostgres careless;

    @BeforeAll
    static void servers() throws IOException, SQLException {
        EmbeddedPostgres.Builder durableBuilder = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory("ngms-durable-pg")).setCleanDataDirectory(true);
        EmbeddedPostgresServer.DURABLE_SETTINGS.forEach(durableBuilder::setServerConfig);
        durable = durableBuilder.start();
        careless = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory("ngms-careless-pg")).setCleanDataDirectory(true)
                .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off").start();
        try (Connection c = durable.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            // settings of a role apply to its sessions whatever the server says
            s.execute("create role lazy login");
            s.execute("alter role lazy set synchronous_commit = off");
            s.execute("create role local_commit login");
            s.execute("alter role local_commit set synchronous_commit = local");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        durable.close();
        careless.close();
    }

    private static DurableDatabaseCheck check(EmbeddedPostgres server, String user, boolean allowNonDurable) {
        DatabaseClient db = DatabaseClient.create(ConnectionFactories.get(
                "r2dbc:postgresql://" + user + "@localhost:" + server.getPort() + "/postgres"));
        return new DurableDatabaseCheck(db, allowNonDurable);
    }

    @Test
    void theServiceSettingsOverrideZonkysDefaultsAndPass(CapturedOutput output) {
        check(durable, "postgres", false).check();

        assertThat(output.getOut()).contains("Database durability checked: fsync=on, synchronous_commit=on")
                .doesNotContain("full_page_writes=off");
    }

    @Test
    void fsyncOffAndSynchronousCommitOffAreRefusedNamingEachSetting() {
        assertThatThrownBy(() -> check(careless, "postgres", false).check())
                .isInstanceOf(NonDurableDatabaseException.class)
                .hasMessageContaining("fsync=off (WAL is never forced to disk")
                .hasMessageContaining("synchronous_commit=off (a commit is acknowledged before its WAL is written")
                .hasMessageContaining("ngms.database.allow-non-durable=true")
                .satisfies(e -> assertThat(((NonDurableDatabaseException) e).settings()).hasSize(2));
    }

    @Test
    void aRoleWhoseSessionsTurnSynchronousCommitOffIsRefused() {
        assertThatThrownBy(() -> check(durable, "lazy", false).check())
                .isInstanceOf(NonDurableDatabaseException.class)
                .satisfies(e -> assertThat(((NonDurableDatabaseException) e).settings()).singleElement().asString()
                        .startsWith("synchronous_commit=off"));
    }

    @Test
    void synchronousCommitLocalFlushesTheLocalWalAndIsAccepted(CapturedOutput output) {
        check(durable, "local_commit", false).check();

        assertThat(output.getOut()).contains("fsync=on, synchronous_commit=local");
    }

    @Test
    void theOptOutStartsOnANonDurableDatabaseWithAWarning(CapturedOutput output) {
        check(careless, "postgres", true).check();

        assertThat(output.getOut()).contains("WARN")
                .contains("ngms.database.allow-non-durable=true: running on a database that is NOT durable")
                .contains("synchronous_commit=off").contains("fsync=off");
    }

    /** The whole service, as it starts: refused before it serves anything, with Spring Boot's failure report. */
    @Test
    void theServiceRefusesToStartOnANonDurableDatabase(CapturedOutput output) throws IOException {
        assertThatThrownBy(() -> start(careless).close())
                .hasRootCauseInstanceOf(NonDurableDatabaseException.class);

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("The database is not durable: fsync=off").contains("synchronous_commit=off")
                .contains("set ngms.database.allow-non-durable=true to start anyway");
    }

    @Test
    void theServiceStartsOnANonDurableDatabaseWithTheOptOutAndWarns(CapturedOutput output) throws IOException {
        try (ConfigurableApplicationContext service = start(careless, "--ngms.database.allow-non-durable=true")) {
            assertThat(service.isRunning()).isTrue();
        }

        assertThat(output.getAll())
                .contains("ngms.database.allow-non-durable=true: running on a database that is NOT durable");
    }

    private static ConfigurableApplicationContext start(EmbeddedPostgres server, String... more) throws IOException {
        Path dir = Files.createTempDirectory("ngms-durability-check");
        // command-line arguments, so that they win over the system properties other tests' TestDatabase sets
        String[] args = {
                "--spring.r2dbc.url=r2dbc:postgresql://localhost:" + server.getPort() + "/postgres",
                "--spring.r2dbc.username=postgres", "--spring.r2dbc.password=",
                "--spring.flyway.url=jdbc:postgresql://localhost:" + server.getPort() + "/postgres",
                "--spring.flyway.user=postgres", "--spring.flyway.password=",
                "--server.port=0", "--ngms.signing.key-dir=" + dir.resolve("keys"),
                "--ngms.bootstrap.token-file=" + dir.resolve("bootstrap.token")};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(NgmsApplication.class).run(all);
    }
}
