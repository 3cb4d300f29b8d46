-- The regulator's increment for a clock round whose directive sets increments within a range (REGULATOR_RANGE):
-- set while the round before it is open, so before the round opens; the last one set counts. A round with none opens
-- at the range's minimum.
create table clock_increment (
    auction_id uuid    not null,
    stage_id   text    not null,
    round      integer not null check (round >= 2),
    percent    text    not null,
    primary key (auction_id, stage_id, round),
    foreign key (auction_id, stage_id) references stage_window (auction_id, stage_id)
);
