-- Engagements (对接): one closed-loop case between a demand and a counterpart, run by a technology manager.
-- Demands, achievements, experts, organizations and accounts belong to other modules: referenced by id only.
create table engagement (
    id                     bigint generated always as identity primary key,
    demand_id              bigint      not null,
    counterpart_type       text        not null check (counterpart_type in ('ACHIEVEMENT', 'EXPERT', 'ORGANIZATION')),
    counterpart_id         bigint      not null,
    manager_id             bigint      not null,
    -- the demand's station: its admin is told of overdue engagements
    station_id             bigint,
    -- the parties' accounts as they were when the engagement started (an unclaimed expert or an organization has none)
    demand_party_id        bigint,
    counterpart_party_id   bigint,
    confidential           boolean     not null,
    stage                  text        not null check (stage in
        ('PROPOSED', 'CONTACTED', 'NEGOTIATING', 'CONTRACTED', 'DELIVERING', 'EVALUATED', 'CLOSED')),
    -- the stage an engagement was closed from, the reason code and the manager's note
    closed_from            text,
    close_reason           text,
    close_note             text check (length(close_note) <= 2000),
    contract_type          text check (contract_type in
        ('TRANSFER', 'LICENSE', 'DEVELOPMENT', 'CONSULTING', 'SERVICE', 'EQUITY')),
    contract_value         numeric(16, 2),
    contract_signed_on     date,
    contract_registration  text,
    demand_rating          smallint check (demand_rating between 1 and 5),
    demand_comment         text check (length(demand_comment) <= 2000),
    counterpart_rating     smallint check (counterpart_rating between 1 and 5),
    counterpart_comment    text check (length(counterpart_comment) <= 2000),
    -- measured results: [{"indicator": …, "value": …, "unit": …}]
    results                jsonb       not null default '[]'::jsonb,
    results_note           text check (length(results_note) <= 4000),
    stage_entered_at       timestamptz not null,
    stage_due_at           timestamptz,
    created_by             bigint      not null,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    version                integer     not null default 0,
    check ((stage = 'CLOSED') = (close_reason is not null))
);

-- one open engagement per pair: a closed one may be followed by a new attempt
create unique index engagement_open_pair on engagement (demand_id, counterpart_type, counterpart_id)
    where stage not in ('CLOSED', 'EVALUATED');
create index engagement_manager_idx on engagement (manager_id, stage);
create index engagement_demand_idx on engagement (demand_id);
create index engagement_demand_party_idx on engagement (demand_party_id);
create index engagement_counterpart_party_idx on engagement (counterpart_party_id);
create index engagement_due_idx on engagement (stage_due_at) where stage not in ('CLOSED', 'EVALUATED');

-- the overdue notices already sent: one per engagement and stage entry
create table engagement_overdue_notice (
    engagement_id    bigint      not null references engagement (id),
    stage_entered_at timestamptz not null,
    noticed_at       timestamptz not null,
    primary key (engagement_id, stage_entered_at)
);

-- What a technology manager covers, for the triage of demands: industry chains and provinces (GB/T 2260, 2 digits).
create table manager_coverage (
    manager_id bigint not null,
    kind       text   not null check (kind in ('CHAIN', 'PROVINCE')),
    code       text   not null check (length(code) between 1 and 40),
    primary key (manager_id, kind, code)
);

-- Demands given to a technology manager to diagnose: incomplete or complex ones, or on the author's request.
create table demand_assignment (
    demand_id   bigint      primary key,
    manager_id  bigint      not null,
    reason      text        not null check (reason in ('INCOMPLETE', 'REQUESTED', 'OPERATOR')),
    assigned_at timestamptz not null,
    assigned_by bigint
);
create index demand_assignment_manager_idx on demand_assignment (manager_id);
