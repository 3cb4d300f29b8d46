-- Policy directives: one row per version; the canonical JSON (RFC 8785) is the document, sha256 its identity.
create table directive (
    id             text        not null,
    version        integer     not null check (version >= 1),
    sha256         char(64)    not null,
    title          text        not null,
    canonical_json text        not null,
    registered_at  timestamptz not null,
    primary key (id, version)
);

create table auction (
    id                uuid        primary key,
    directive_id      text        not null,
    directive_version integer     not null,
    directive_sha256  char(64)    not null,
    title             text        not null,
    state             text        not null check (state in ('DRAFT', 'QUALIFICATION', 'BIDDING', 'CONCLUDED', 'CANCELLED')),
    schedule_json     text        not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    row_version       integer     not null default 0,
    foreign key (directive_id, directive_version) references directive (id, version)
);

create index auction_directive on auction (directive_id, directive_version);

-- A directive version that an auction uses is immutable: the database refuses to change or delete it.
create function directive_in_use_is_immutable() returns trigger as $$
begin
    if exists (select 1 from auction a where a.directive_id = old.id and a.directive_version = old.version) then
        raise exception 'directive %/% is used by an auction and cannot change', old.id, old.version
            using errcode = 'integrity_constraint_violation';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end;
$$ language plpgsql;

create trigger directive_immutable_when_used
    before update or delete on directive
    for each row execute function directive_in_use_is_immutable();

create table bidder (
    auction_id            uuid        not null references auction (id),
    id                    text        not null,
    organisation          text        not null,
    new_entrant           boolean     not null,
    holdings_json         text        not null,
    deposit               bigint      not null check (deposit >= 0),
    requested_demand_json text        not null,
    status                text        not null check (status in ('REGISTERED', 'QUALIFIED', 'DISQUALIFIED')),
    eligibility_points    integer     not null check (eligibility_points >= 0),
    conditions_json       text        not null,
    decision_reason       text,
    registered_at         timestamptz not null,
    decided_at            timestamptz,
    primary key (auction_id, id)
);

-- Every state change of an auction, in order.
create table auction_transition (
    auction_id uuid        not null references auction (id),
    seq        integer     not null,
    from_state text,
    to_state   text        not null,
    reason     text,
    at         timestamptz not null,
    primary key (auction_id, seq)
);
