package org.ngms.config;

import java.util.List;

/** The database the service was given acknowledges commits that a crash can lose; see {@link DurableDatabaseCheck}. */
public class NonDurableDatabaseException extends IllegalStateException {

    private final List<String> settings;

    NonDurableDatabaseException(List<String> settings) {
        super("the database is not durable, so the service will not sign receipts on it: " + String.join("; ", settings)
                + ". Set fsync=on and synchronous_commit=on (or local, remote_write, remote_apply), or set "
                + DurableDatabaseCheck.OPT_OUT + "=true to run on it anyway");
        this.settings = List.copyOf(settings);
    }

    /** Each setting that is not durable, with what it means. */
    public List<String> settings() {
        return settings;
    }
}
