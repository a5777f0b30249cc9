-- Duplicates across stations: the provenances a kept record took over from the records merged into it, and the
-- candidate groups an operator declared not to be duplicates.
create table merged_provenance (
    id               bigint generated always as identity primary key,
    library          text        not null,
    -- the kept record, which carries this provenance from now on
    record_id        bigint      not null,
    -- the record that brought it (archived by the merge, pointing to the kept one)
    merged_record_id bigint      not null,
    station_id       bigint,
    source_system    text        not null,
    source_id        text,
    import_batch_id  bigint,
    merged_by        bigint,
    merged_at        timestamptz not null
);

create index merged_provenance_record_idx on merged_provenance (library, record_id);

create table duplicate_dismissal (
    library      text        not null,
    -- reason and record ids of the group, e.g. "patent:12,57": a group that gains a record is listed again
    group_key    text        not null,
    dismissed_by bigint,
    dismissed_at timestamptz not null,
    primary key (library, group_key)
);
