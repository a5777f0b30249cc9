-- Technology achievements (科技成果): the text as typed, normalized keys for matching, provenance and the lifecycle.
create table achievement (
    id               bigint generated always as identity primary key,
    title            text        not null check (length(title) between 1 and 200),
    -- Text.key(title): traditional/simplified and full/half-width forms compare equal here
    title_key        text        not null,
    description      text        not null check (length(description) <= 10000),
    keywords         text[]      not null default '{}',
    technology_field text check (length(technology_field) <= 100),
    discipline_code  text,
    industry_code    text,
    -- the GB/T 4754 section (one letter) of industry_code, so that a section filter finds its classes
    industry_section text,
    chain_node_code  text,
    trl              smallint check (trl between 1 and 9),
    -- canonical CN numbers as shown, and their prefix-free keys for finding the same patent across stations
    patents          text[]      not null default '{}',
    patent_keys      text[]      not null default '{}',
    transfer_modes   text[]      not null default '{}',
    -- 万元
    price_min        numeric(12, 2) check (price_min >= 0),
    price_max        numeric(12, 2) check (price_max >= 0),
    -- organization, station and experts are other modules' records: referenced by id, checked by the application
    organization_id  bigint,
    -- [{name, expertId}]
    inventors        jsonb       not null default '[]'::jsonb,
    region_code      varchar(6),
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
    version          integer     not null default 0,
    constraint achievement_price_order check (price_min is null or price_max is null or price_min <= price_max)
);

create unique index achievement_source_unique on achievement (station_id, source_id) where source_id is not null;
create index achievement_status_idx on achievement (status, id desc);
create index achievement_station_idx on achievement (station_id, status);
create index achievement_created_by_idx on achievement (created_by);
create index achievement_region_idx on achievement (region_code text_pattern_ops);
create index achievement_industry_idx on achievement (industry_code text_pattern_ops);
create index achievement_industry_section_idx on achievement (industry_section);
create index achievement_chain_node_idx on achievement (chain_node_code text_pattern_ops);
create index achievement_trl_idx on achievement (trl);
create index achievement_modes_idx on achievement using gin (transfer_modes);
create index achievement_keywords_idx on achievement using gin (keywords);
create index achievement_patent_keys_idx on achievement using gin (patent_keys);
create index achievement_title_key_idx on achievement (title_key);
