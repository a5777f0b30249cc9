-- Matching (匹配): how the deals on proposed pairs ended, as brokerage reports them (issue 6); the latest outcome of a
-- pair counts. A counterpart that won on a demand rises for similar demands; a lost pair sinks for its demand.
create table match_outcome (
    id          bigint generated always as identity primary key,
    demand_id   bigint      not null,
    target_type text        not null check (target_type in ('achievement', 'expert', 'organization')),
    target_id   bigint      not null,
    outcome     text        not null check (outcome in ('WON', 'LOST')),
    reason_code text check (length(reason_code) between 1 and 100),
    recorded_at timestamptz not null,
    constraint match_outcome_pair unique (demand_id, target_type, target_id)
);
create index match_outcome_target_idx on match_outcome (target_type, target_id);
