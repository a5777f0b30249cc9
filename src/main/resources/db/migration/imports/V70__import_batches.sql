-- Bulk imports (批量导入): a batch per uploaded file, its rows staged in chunks so that work survives a crash, and the
-- errors of the rows refused.
create table import_batch (
    id             bigint generated always as identity primary key,
    station_id     bigint      not null,
    type           text        not null,
    file_name      text check (length(file_name) <= 300),
    format         text        not null check (format in ('CSV', 'XLSX', 'JSON_LINES')),
    status         text        not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    -- data rows in the file; accepted + rejected = total once completed
    total          integer     not null default 0,
    accepted       integer     not null default 0,
    rejected       integer     not null default 0,
    -- what the accepted rows did to the stored records
    inserted       integer     not null default 0,
    updated        integer     not null default 0,
    unchanged      integer     not null default 0,
    -- message key (problem.<key>) of the reason a batch failed
    failure_reason text,
    created_by     bigint,
    created_at     timestamptz not null,
    started_at     timestamptz,
    finished_at    timestamptz
);

create index import_batch_station_idx on import_batch (station_id, id desc);
create index import_batch_open_idx on import_batch (id) where status in ('QUEUED', 'RUNNING');

-- A chunk is the unit of work: applied in one transaction together with its mark and the batch's counters, so it is
-- either fully applied and marked or not at all. Its rows (a JSON array) are dropped once applied.
create table import_chunk (
    batch_id   bigint      not null references import_batch (id) on delete cascade,
    chunk_no   integer     not null,
    first_row  integer     not null,
    last_row   integer     not null,
    row_count  integer     not null,
    rows       text,
    applied_at timestamptz,
    primary key (batch_id, chunk_no)
);

create index import_chunk_pending_idx on import_chunk (batch_id, chunk_no) where applied_at is null;

create table import_error (
    batch_id  bigint  not null references import_batch (id) on delete cascade,
    row_no    integer not null,
    source_id text,
    field     text,
    key       text    not null,
    -- the message arguments, a JSON array
    args      text    not null default '[]'
);

create index import_error_batch_idx on import_error (batch_id, row_no);
