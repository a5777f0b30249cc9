-- Application cases (应用案例): a problem solved, how, by whom, and what it measurably changed; links to the demand,
-- the achievement and the experts involved; provenance and the lifecycle. "case" is an SQL keyword, hence the name.
create table application_case (
    id               bigint generated always as identity primary key,
    title            text        not null check (length(title) between 1 and 200),
    -- Text.key(title): traditional/simplified and full/half-width forms compare equal here
    title_key        text        not null,
    problem          text        not null check (length(problem) <= 10000),
    solution         text        not null check (length(solution) <= 10000),
    -- [{role: DEMAND_SIDE|SUPPLY_SIDE|BROKER, organizationId, name}]
    parties          jsonb       not null default '[]'::jsonb,
    -- [{name, value (decimal as text), unit, kind: ECONOMIC|TECHNICAL}]
    figures          jsonb       not null default '[]'::jsonb,
    -- the kinds present among the figures, for the filter
    figure_kinds     text[]      not null default '{}',
    keywords         text[]      not null default '{}',
    industry_code    text,
    -- the GB/T 4754 section (one letter) of industry_code, so that a section filter finds its classes
    industry_section text,
    chain_node_code  text,
    region_code      varchar(6),
    -- demands, achievements, experts and organizations are other modules' records: ids checked by the application
    demand_id        bigint,
    achievement_id   bigint,
    expert_ids       bigint[]    not null default '{}',
    station_id       bigint,
    source_system    text        not null,
    source_id        text,
    import_batch_id  bigint,
    status           text        not null check (status in ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'RETURNED', 'ARCHIVED')),
    return_reason    text check (length(return_reason) <= 2000),
    held             boolean     not null default false,
    created_by       bigint,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          integer     not null default 0
);

create unique index application_case_source_unique on application_case (station_id, source_id)
    where source_id is not null;
create index application_case_status_idx on application_case (status, id desc);
create index application_case_station_idx on application_case (station_id, status);
create index application_case_created_by_idx on application_case (created_by);
create index application_case_region_idx on application_case (region_code text_pattern_ops);
create index application_case_industry_idx on application_case (industry_code text_pattern_ops);
create index application_case_industry_section_idx on application_case (industry_section);
create index application_case_chain_node_idx on application_case (chain_node_code text_pattern_ops);
create index application_case_keywords_idx on application_case using gin (keywords);
create index application_case_figure_kinds_idx on application_case using gin (figure_kinds);
create index application_case_experts_idx on application_case using gin (expert_ids);
create index application_case_demand_idx on application_case (demand_id);
create index application_case_achievement_idx on application_case (achievement_id);
create index application_case_title_key_idx on application_case (title_key);
