-- What each applied chunk did, kept on the chunk: workers applying chunks of one batch at the same time no longer wait
-- for each other on the batch row's lock (the batch's figures are its own, from staging, plus its chunks'). The batch is
-- completed after a chunk's commit by whoever then sees no chunk left.
alter table import_chunk
    add column accepted  integer not null default 0,
    add column rejected  integer not null default 0,
    add column inserted  integer not null default 0,
    add column updated   integer not null default 0,
    add column unchanged integer not null default 0;
