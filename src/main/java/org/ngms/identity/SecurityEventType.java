package org.ngms.identity;

/** Security-relevant events, recorded with time, account, route and source. */
public enum SecurityEventType {
    AUTHENTICATION_FAILED,
    ACCESS_DENIED,
    RATE_LIMITED,
    ACCOUNT_CREATED,
    TOKEN_ISSUED,
    TOKEN_REVOKED,
    BOOTSTRAP_CREDENTIAL_CREATED
}
