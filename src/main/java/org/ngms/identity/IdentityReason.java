package org.ngms.identity;

import org.ngms.shared.Reason;

/** Reason codes of accounts and tokens. */
public enum IdentityReason implements Reason {
    /** An account with the id exists already. */
    DUPLICATE_ACCOUNT
}
