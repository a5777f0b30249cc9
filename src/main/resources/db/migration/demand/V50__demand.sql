-- Technical demands (技术需求): the text as typed, normalized keys for matching, provenance and the lifecycle.
create table demand (
    id                   bigint generated always as identity primary key,
    title                text        not null check (length(title) between 1 and 200),
    -- Text.key(title): traditional/simplified and full/half-width forms compare equal here
    title_key            text        not null,
    background           text        not null check (length(background) <= 5000),
    technical_problems   text check (length(technical_problems) <= 5000),
    -- [{name, comparator, value, unit, text}]: quantified where possible, free text otherwise
    target_indicators    jsonb       not null default '[]'::jsonb,
    industry_code        text,
    -- the GB/T 4754 section (one letter) of industry_code, so that a section filter finds its classes
    industry_section     text,
    chain_node_code      text,
    application_scenario text check (length(application_scenario) <= 1000),
    region_code          varchar(6),
    cooperation_modes    text[]      not null default '{}',
    -- 万元
    budget_min           numeric(12, 2) check (budget_min >= 0),
    budget_max           numeric(12, 2) check (budget_max >= 0),
    deadline             date,
    confidential         boolean     not null default false,
    contact_person       text check (length(contact_person) <= 50),
    contact_phone        text check (length(contact_phone) <= 40),
    contact_email        text check (length(contact_email) <= 254),
    -- organization and station are other modules' records: referenced by id, checked by the application
    organization_id      bigint,
    station_id           bigint,
    source_system        text        not null,
    source_id            text,
    import_batch_id      bigint,
    status               text        not null check (status in ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'RETURNED', 'ARCHIVED')),
    return_reason        text check (length(return_reason) <= 2000),
    held                 boolean     not null default false,
    created_by           bigint,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    version              integer     not null default 0,
    constraint demand_budget_order check (budget_min is null or budget_max is null or budget_min <= budget_max)
);

create unique index demand_source_unique on demand (station_id, source_id) where source_id is not null;
create index demand_status_idx on demand (status, id desc);
create index demand_station_idx on demand (station_id, status);
create index demand_created_by_idx on demand (created_by);
create index demand_region_idx on demand (region_code text_pattern_ops);
create index demand_industry_idx on demand (industry_code text_pattern_ops);
create index demand_industry_section_idx on demand (industry_section);
create index demand_chain_node_idx on demand (chain_node_code text_pattern_ops);
create index demand_modes_idx on demand using gin (cooperation_modes);
create index demand_deadline_idx on demand (deadline) where status in ('PUBLISHED', 'DRAFT', 'RETURNED');
create index demand_title_key_idx on demand (title_key);
