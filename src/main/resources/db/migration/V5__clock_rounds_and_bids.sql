-- Clock rounds in time: each round opens and closes once (conditional updates), may be paused and extended.
create table clock_round (
    auction_id uuid        not null,
    stage_id   text        not null,
    round      integer     not null check (round >= 1),
    state      text        not null check (state in ('OPEN', 'CLOSED')),
    opens_at   timestamptz not null,
    closes_at  timestamptz not null,
    paused_at  timestamptz,
    round_json text,
    primary key (auction_id, stage_id, round),
    foreign key (auction_id, stage_id) references stage_window (auction_id, stage_id)
);

create index clock_round_due on clock_round (state, closes_at);

-- Each bidder's bids in a round; every submission is a new version and the latest counts.
create table clock_bid (
    auction_id   uuid        not null,
    stage_id     text        not null,
    round        integer     not null,
    bidder_id    text        not null,
    version      integer     not null check (version >= 1),
    submitted_at timestamptz not null,
    bids_json    text        not null,
    primary key (auction_id, stage_id, round, bidder_id, version),
    foreign key (auction_id, stage_id, round) references clock_round (auction_id, stage_id, round)
);

create trigger clock_bid_append_only
    before update or delete on clock_bid
    for each row execute function transcript_is_append_only();
