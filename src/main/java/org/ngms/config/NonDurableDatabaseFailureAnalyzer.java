package org.ngms.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused non-durable database into Spring Boot's "APPLICATION FAILED TO START" report, without a trace. */
public class NonDurableDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<NonDurableDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NonDurableDatabaseException cause) {
        return new FailureAnalysis("The database is not durable: " + String.join("; ", cause.settings()) + ".",
                "Configure the PostgreSQL server with fsync=on and synchronous_commit=on (for example ALTER SYSTEM SET"
                        + " synchronous_commit = on; SELECT pg_reload_conf();), and check that no database or role"
                        + " setting turns it off again (ALTER DATABASE ... RESET synchronous_commit, ALTER ROLE ..."
                        + " RESET synchronous_commit). Only for a throw-away database, set "
                        + DurableDatabaseCheck.OPT_OUT + "=true to start anyway.", cause);
    }
}
