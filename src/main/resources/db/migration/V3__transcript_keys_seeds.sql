-- Hash-chained transcripts: one chain per auction ("auction:<uuid>") and one for the service ("service").
create table transcript_chain (
    chain text    primary key,
    seq   bigint  not null check (seq >= 0),
    head  char(64) not null
);

create table transcript (
    chain       text        not null,
    seq         bigint      not null check (seq >= 1),
    type        text        not null,
    at          timestamptz not null,
    record_json text        not null,   -- the RFC 8785 canonical JSON that is hashed
    hash        char(64)    not null,
    kid         text        not null,
    signature   text        not null,
    primary key (chain, seq)
);

create function transcript_is_append_only() returns trigger as $$
begin
    raise exception 'the transcript is append-only' using errcode = 'integrity_constraint_violation';
end;
$$ language plpgsql;

create trigger transcript_append_only
    before update or delete on transcript
    for each row execute function transcript_is_append_only();

-- Public signing keys; private keys live in PEM files (encrypted with a passphrase from the environment).
create table signing_key (
    kid         text        primary key,
    algorithm   text        not null,
    public_key  text        not null,
    valid_from  timestamptz not null,
    valid_until timestamptz
);

create unique index signing_key_one_current on signing_key ((valid_until is null)) where valid_until is null;

-- Each auction's secret seed: only its SHA-256 is published until the auction ends.
create table auction_seed (
    auction_id  uuid        primary key references auction (id),
    seed        bytea       not null,
    revealed_at timestamptz
);
