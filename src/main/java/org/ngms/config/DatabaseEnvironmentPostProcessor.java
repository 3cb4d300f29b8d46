package org.ngms.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides which PostgreSQL the service uses, before anything connects, and sets both the R2DBC (runtime) and the JDBC
 * (Flyway migrations) connection from it:
 * <ol>
 *   <li>{@code spring.r2dbc.url} set explicitly: used as is;</li>
 *   <li>{@code DB_HOST} (with {@code DB_PORT}, {@code DB_NAME}, {@code DB_USER}, {@code DB_PASSWORD});</li>
 *   <li>the standard libpq variables {@code PGHOST}, {@code PGPORT}, {@code PGDATABASE}, {@code PGUSER},
 *       {@code PGPASSWORD};</li>
 *   <li>otherwise an embedded PostgreSQL whose data directory ({@code ngms.embedded-db.data-dir}, default
 *       {@code ./data/postgres}) survives restarts.</li>
 * </ol>
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "ngmsDatabase";

    @Override
    public int getOrder() {
        // after application.yml and the environment are loaded
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.getPropertySources().contains(SOURCE)) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        String r2dbcUrl = env.getProperty("spring.r2dbc.url");
        if (r2dbcUrl != null && !r2dbcUrl.isBlank()) {
            if (env.getProperty("spring.flyway.url") == null) {
                properties.put("spring.flyway.url", r2dbcUrl.replaceFirst("^r2dbc:(pool:)?", "jdbc:"));
                copy(env, properties, "spring.r2dbc.username", "spring.flyway.user");
                copy(env, properties, "spring.r2dbc.password", "spring.flyway.password");
            }
        } else if (has(env, "DB_HOST")) {
            connect(properties, env.getProperty("DB_HOST"), env.getProperty("DB_PORT", "5432"),
                    env.getProperty("DB_NAME", "ngms"), env.getProperty("DB_USER", "ngms"),
                    env.getProperty("DB_PASSWORD", ""));
        } else if (has(env, "PGHOST")) {
            connect(properties, env.getProperty("PGHOST"), env.getProperty("PGPORT", "5432"),
                    env.getProperty("PGDATABASE", "postgres"), env.getProperty("PGUSER", "postgres"),
                    env.getProperty("PGPASSWORD", ""));
        } else {
            Path dataDir = Path.of(env.getProperty("ngms.embedded-db.data-dir", "data/postgres"));
            int port = Integer.parseInt(env.getProperty("ngms.embedded-db.port", "0"));
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, port);
            connect(properties, "localhost", Integer.toString(server.port()), "postgres", "postgres", "");
        }
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE, properties));
    }

    private static boolean has(ConfigurableEnvironment env, String name) {
        String value = env.getProperty(name);
        return value != null && !value.isBlank();
    }

    private static void copy(ConfigurableEnvironment env, Map<String, Object> to, String from, String name) {
        String value = env.getProperty(from);
        if (value != null) {
            to.put(name, value);
        }
    }

    private static void connect(Map<String, Object> p, String host, String port, String database, String user,
                                String password) {
        // a unix-socket directory (PGHOST=/var/run/postgresql) is not reachable over TCP; use loopback
        String tcpHost = host.startsWith("/") ? "localhost" : host;
        p.put("spring.r2dbc.url", "r2dbc:postgresql://" + tcpHost + ":" + port + "/" + database);
        p.put("spring.r2dbc.username", user);
        p.put("spring.r2dbc.password", password);
        p.put("spring.flyway.url", "jdbc:postgresql://" + tcpHost + ":" + port + "/" + database);
        p.put("spring.flyway.user", user);
        p.put("spring.flyway.password", password);
    }
}
