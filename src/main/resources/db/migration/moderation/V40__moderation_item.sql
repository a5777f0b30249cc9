-- Submissions the content screen held for an operator, and the operator's decision. At most one pending item per
-- record: screening the record again replaces it. Decided items stay as the record's moderation history.
create table moderation_item (
    id          bigint generated always as identity primary key,
    record_type text        not null,
    record_id   bigint      not null,
    station_id  bigint,
    -- the submitted text as screened: [{"name": …, "value": …}] in the order the library gave it
    fields      jsonb       not null,
    -- what the screen found: [{"field", "category", "start", "end", "matched", "rules"}]
    findings    jsonb       not null,
    status      text        not null default 'pending'
        constraint moderation_item_status check (status in ('pending', 'released', 'rejected')),
    held_at     timestamptz not null default now(),
    decided_by  bigint,
    decided_at  timestamptz,
    reason      text,
    constraint moderation_item_decision check ((status = 'pending') = (decided_at is null and decided_by is null)),
    constraint moderation_item_rejection_reason check (status <> 'rejected' or reason is not null)
);
create unique index moderation_item_one_pending on moderation_item (record_type, record_id) where status = 'pending';
create index moderation_item_by_status on moderation_item (status, held_at, id);
create index moderation_item_by_record on moderation_item (record_type, record_id);
