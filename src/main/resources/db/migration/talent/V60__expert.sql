-- Experts (专家 / 人才): the profile as typed, normalized keys for matching, contact details that only entitled users
-- see, the consent that allows showing them, the account that claimed the profile, provenance and the lifecycle.
create table expert (
    id                  bigint generated always as identity primary key,
    name                text        not null check (length(name) between 1 and 50),
    -- Text.key(name): traditional/simplified and full/half-width forms compare equal here
    name_key            text        not null,
    affiliation         text        not null check (length(affiliation) between 1 and 200),
    affiliation_key     text        not null,
    title               text check (length(title) <= 50),
    discipline_codes    text[]      not null default '{}',
    research_fields     text[]      not null default '{}',
    keywords            text[]      not null default '{}',
    region_code         varchar(6),
    -- national societies are organizations of another module: ids checked by the application
    society_ids         bigint[]    not null default '{}',
    young_talent        boolean     not null default false,
    overseas            boolean     not null default false,
    availability        text        not null check (availability in ('AVAILABLE', 'LIMITED', 'UNAVAILABLE')),
    introduction        text check (length(introduction) <= 5000),
    phone               text check (length(phone) <= 40),
    email               text check (length(email) <= 200),
    -- lower-case e-mail, to match a claimant's verified account address
    email_key           text,
    -- the account that claimed the profile (the expert themself), null while unclaimed
    account_id          bigint,
    -- what the expert agreed to show: PROFILE (the public profile) or CONTACT (also the contact details to entitled
    -- users); null when nobody recorded a consent
    consent_scope       text check (consent_scope in ('PROFILE', 'CONTACT')),
    -- SELF: the expert's own account gave it; WRITTEN: a curator recorded a consent given in writing
    consent_basis       text check (consent_basis in ('SELF', 'WRITTEN')),
    consent_recorded_by bigint,
    consent_at          timestamptz,
    station_id          bigint,
    source_system       text        not null,
    source_id           text,
    import_batch_id     bigint,
    status              text        not null check (status in ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'RETURNED', 'ARCHIVED')),
    return_reason       text check (length(return_reason) <= 2000),
    held                boolean     not null default false,
    created_by          bigint,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             integer     not null default 0,
    constraint expert_consent_complete check ((consent_scope is null) = (consent_at is null))
);

create unique index expert_source_unique on expert (station_id, source_id) where source_id is not null;
create index expert_status_idx on expert (status, id desc);
create index expert_station_idx on expert (station_id, status);
create index expert_account_idx on expert (account_id);
create index expert_created_by_idx on expert (created_by);
create index expert_region_idx on expert (region_code text_pattern_ops);
create index expert_name_key_idx on expert (name_key);
create index expert_disciplines_idx on expert using gin (discipline_codes);
create index expert_keywords_idx on expert using gin (keywords);
create index expert_fields_idx on expert using gin (research_fields);
create index expert_societies_idx on expert using gin (society_ids);

-- Claims of unclaimed profiles by expert accounts: granted at once when the account's verified e-mail is the
-- profile's, otherwise waiting for the station's admins (operators for profiles without a station).
create table expert_claim (
    id          bigint generated always as identity primary key,
    expert_id   bigint      not null references expert (id),
    account_id  bigint      not null,
    -- EMAIL: matched by the verified address; STATION: decided by a curator
    method      text        not null check (method in ('EMAIL', 'STATION')),
    status      text        not null check (status in ('PENDING', 'APPROVED', 'REFUSED')),
    reason      text check (length(reason) <= 2000),
    created_at  timestamptz not null,
    decided_by  bigint,
    decided_at  timestamptz
);
create unique index expert_claim_pending_unique on expert_claim (expert_id, account_id) where status = 'PENDING';
create index expert_claim_expert_idx on expert_claim (expert_id, status);
