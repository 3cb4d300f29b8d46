create table account (
    id           text        primary key,
    role         text        not null check (role in ('REGULATOR', 'OPERATOR', 'OBSERVER')),
    organisation text,
    display_name text        not null,
    created_at   timestamptz not null,
    check ((role = 'OPERATOR') = (organisation is not null))
);

-- Only the SHA-256 of a token is stored; the token is shown once when issued.
create table api_token (
    id           uuid        primary key,
    account_id   text        not null references account (id),
    token_sha256 char(64)    not null unique,
    label        text        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);

create index api_token_account on api_token (account_id);

-- Authentication failures, authorisation denials and credential changes, in order. Append-only.
create table security_event (
    seq        bigserial   primary key,
    at         timestamptz not null,
    type       text        not null,
    account_id text,
    method     text,
    route      text,
    source     text,
    detail     text
);

create function security_event_is_append_only() returns trigger as $$
begin
    raise exception 'security events are append-only' using errcode = 'integrity_constraint_violation';
end;
$$ language plpgsql;

create trigger security_event_append_only
    before update or delete on security_event
    for each row execute function security_event_is_append_only();
