package org.ngms.cli.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.ngms.config.EmbeddedPostgresServer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server a {@code bench intake} run uses, always with a database of its own that is removed
 * afterwards: on the configured server ({@code DB_HOST}… or {@code PGHOST}…, as the service reads them) a fresh
 * database {@code ngms_bench_<hex>} that is dropped at the end; otherwise an embedded PostgreSQL in a temporary
 * directory, with the service's own durable settings ({@link EmbeddedPostgresServer#DURABLE_SETTINGS}: fsync,
 * synchronous_commit and full_page_writes on), stopped and deleted at the end. The benchmark starts its own embedded
 * server rather than letting the service start one, because the service keeps its server for the life of the JVM.
 */
final class BenchDatabase implements AutoCloseable {

    final String host;
    final int port;
    final String database;
    final String user;
    final String password;
    final String description;
    private final EmbeddedPostgres embedded;
    private final String adminDatabase;

    private BenchDatabase(String host, int port, String database, String user, String password, String description,
                          EmbeddedPostgres embedded, String adminDatabase) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.description = description;
        this.embedded = embedded;
        this.adminDatabase = adminDatabase;
    }

    static BenchDatabase start(Path workDir, Map<String, String> env) throws IOException, SQLException {
        String dbHost = env.get("DB_HOST");
        String pgHost = env.get("PGHOST");
        if (dbHost != null && !dbHost.isBlank()) {
            return configured(dbHost, env.getOrDefault("DB_PORT", "5432"), env.getOrDefault("DB_NAME", "ngms"),
                    env.getOrDefault("DB_USER", "ngms"), env.getOrDefault("DB_PASSWORD", ""));
        }
        if (pgHost != null && !pgHost.isBlank()) {
            return configured(pgHost, env.getOrDefault("PGPORT", "5432"), env.getOrDefault("PGDATABASE", "postgres"),
                    env.getOrDefault("PGUSER", "postgres"), env.getOrDefault("PGPASSWORD", ""));
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(workDir.resolve("postgres"))
                .setCleanDataDirectory(true);
        EmbeddedPostgresServer.DURABLE_SETTINGS.forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();
        return new BenchDatabase("localhost", postgres.getPort(), "postgres", "postgres", "",
                "embedded PostgreSQL (zonky) on port " + postgres.getPort() + ", data in a temporary directory",
                postgres, null);
    }

    /** A fresh database on the configured server; the user needs CREATEDB. */
    private static BenchDatabase configured(String host, String port, String adminDatabase, String user,
                                            String password) throws SQLException {
        // a unix-socket directory is not reachable over TCP (as in the service's own configuration)
        String tcpHost = host.startsWith("/") ? "localhost" : host;
        String name = "ngms_bench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (Connection c = DriverManager.getConnection(jdbc(tcpHost, Integer.parseInt(port), adminDatabase), user,
                password); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new SQLException("cannot create the benchmark's database " + name + " on " + tcpHost + ":" + port
                    + " as " + user + " (the benchmark needs a database of its own; grant CREATEDB): "
                    + e.getMessage(), e);
        }
        return new BenchDatabase(tcpHost, Integer.parseInt(port), name, user, password,
                "configured server " + tcpHost + ":" + port + ", fresh database " + name, null, adminDatabase);
    }

    private static String jdbc(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    String jdbcUrl() {
        return jdbc(host, port, database);
    }

    String r2dbcUrl() {
        return "r2dbc:postgresql://" + host + ":" + port + "/" + database;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    @Override
    public void close() throws IOException, SQLException {
        if (embedded != null) {
            embedded.close();
            return;
        }
        try (Connection c = DriverManager.getConnection(jdbc(host, port, adminDatabase), user, password);
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
        }
    }
}
