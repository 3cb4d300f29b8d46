-- The windows of an auction's stages, kept in the database so that a restart neither loses nor repeats an opening
-- or a closing: each change of state is a conditional update that only one instance can win.
create table stage_window (
    auction_id   uuid        not null references auction (id),
    stage_id     text        not null,
    stage_type   text        not null,
    opens_at     timestamptz not null,
    closes_at    timestamptz,
    state        text        not null check (state in ('SCHEDULED', 'OPEN', 'CLOSED', 'EVALUATED')),
    opened_at    timestamptz,
    closed_at    timestamptz,
    evaluated_at timestamptz,
    result_json  text,
    primary key (auction_id, stage_id)
);

create index stage_window_due on stage_window (state, opens_at, closes_at);

-- Each auction's X25519 key for sealed bids; the private half is wrapped under the service's master key.
create table auction_bid_key (
    auction_id          uuid  primary key references auction (id),
    public_key          bytea not null,
    wrapped_private_key bytea not null
);

-- Sealed bids: only ciphertext and the commitment; every submission, replacement and withdrawal is a new version.
create table sealed_bid (
    auction_id           uuid        not null,
    stage_id             text        not null,
    bidder_id            text        not null,
    version              integer     not null check (version >= 1),
    submitted_at         timestamptz not null,
    commitment           char(64),
    withdrawn            boolean     not null,
    ephemeral_public_key bytea,
    nonce                bytea,
    ciphertext           bytea,
    primary key (auction_id, stage_id, bidder_id, version),
    foreign key (auction_id, stage_id) references stage_window (auction_id, stage_id),
    check (withdrawn or (commitment is not null and ciphertext is not null))
);

create trigger sealed_bid_append_only
    before update or delete on sealed_bid
    for each row execute function transcript_is_append_only();

-- The published outcome of an auction.
create table auction_outcome (
    auction_id     uuid        primary key references auction (id),
    outcome_json   text        not null,
    transcript_seq bigint      not null,
    published_at   timestamptz not null
);
