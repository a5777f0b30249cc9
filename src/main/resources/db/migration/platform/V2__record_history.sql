-- Who changed what, when, on any record of the libraries: one row per change, the changed fields with before/after.
create table record_history (
    id          bigint generated always as identity primary key,
    record_type text        not null,
    record_id   bigint      not null,
    actor_id    bigint,
    action      text        not null,
    changed_at  timestamptz not null default now(),
    changes     jsonb       not null default '[]'::jsonb
);
create index record_history_by_record on record_history (record_type, record_id, changed_at);
