package org.ngms.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * "A receipt means durable": the service signs a receipt for a change once the change has committed, so the database
 * must not acknowledge a commit before its WAL is on disk. At start-up, while the context is built and before the web
 * server takes requests or the scheduler runs, this reads the settings of whatever database the service was given or
 * started, as the service's own sessions see them (server, database and role settings all apply), and refuses to
 * start if
 * <ul>
 *   <li>{@code fsync} is not {@code on}: the server never forces WAL to disk, so an operating-system crash or power
 *       loss loses acknowledged commits (and can corrupt the database);</li>
 *   <li>{@code synchronous_commit} is {@code off}: a commit is acknowledged before its WAL is even written, so a crash
 *       of the database loses the last acknowledged commits. {@code local}, {@code remote_write}, {@code on} and
 *       {@code remote_apply} all flush the local WAL before acknowledging, and are accepted.</li>
 * </ul>
 * {@code full_page_writes=off} is only warned about: it is safe on file systems that never tear a page (ZFS, for
 * example), which the service cannot tell. The opt-out {@code ngms.database.allow-non-durable=true} starts anyway,
 * with a warning on every start, for throw-away databases only.
 */
@Component
public class DurableDatabaseCheck implements InitializingBean {

    static final String OPT_OUT = "ngms.database.allow-non-durable";

    private static final Logger log = LoggerFactory.getLogger(DurableDatabaseCheck.class);

    private final DatabaseClient db;
    private final boolean allowNonDurable;

    public DurableDatabaseCheck(DatabaseClient db, @Value("${" + OPT_OUT + ":false}") boolean allowNonDurable) {
        this.db = db;
        this.allowNonDurable = allowNonDurable;
    }

    @Override
    public void afterPropertiesSet() {
        check();
    }

    /** @throws NonDurableDatabaseException if the database is not durable and the opt-out is not set */
    void check() {
        Settings settings = read();
        if (!settings.fullPageWrites().equals("on")) {
            log.warn("The database runs with full_page_writes={}: after an operating-system crash a page written"
                    + " half-way cannot be repaired, unless its file system never tears pages (ZFS)",
                    settings.fullPageWrites());
        }
        List<String> unsafe = settings.notDurable();
        if (unsafe.isEmpty()) {
            log.info("Database durability checked: fsync={}, synchronous_commit={}: a receipt is signed only for a"
                    + " commit whose WAL is on disk", settings.fsync(), settings.synchronousCommit());
        } else if (allowNonDurable) {
            log.warn("{}=true: running on a database that is NOT durable: {}. Receipts may be signed for changes that"
                    + " a crash loses; use this only for a throw-away database", OPT_OUT, String.join("; ", unsafe));
        } else {
            throw new NonDurableDatabaseException(unsafe);
        }
    }

    private Settings read() {
        return db.sql("select current_setting('fsync') as fsync,"
                        + " current_setting('synchronous_commit') as synchronous_commit,"
                        + " current_setting('full_page_writes') as full_page_writes")
                .map(row -> new Settings(row.get("fsync", String.class), row.get("synchronous_commit", String.class),
                        row.get("full_page_writes", String.class)))
                .one()
                .blockOptional(Duration.ofSeconds(60))
                .orElseThrow(() -> new IllegalStateException("the database returned no settings"));
    }

    /** The durability settings of a session, as PostgreSQL names their values. */
    record Settings(String fsync, String synchronousCommit, String fullPageWrites) {

        /** Each setting that lets an acknowledged commit be lost, with what it means. */
        List<String> notDurable() {
            List<String> problems = new ArrayList<>();
            if (!fsync.equals("on")) {
                problems.add("fsync=" + fsync + " (WAL is never forced to disk: an operating-system crash or power"
                        + " loss loses acknowledged commits)");
            }
            if (synchronousCommit.equals("off")) {
                problems.add("synchronous_commit=off (a commit is acknowledged before its WAL is written: a crash of"
                        + " the database loses the last acknowledged commits)");
            }
            return problems;
        }
    }
}
