-- A text file (CSV, JSON Lines) is staged in parts, each chunk committed as it is read, so that the workers apply the
-- first chunks while the rest of the file is still being read; the batch is marked as staging until its last chunk is
-- stored, and is completed only after that. A batch whose staging was interrupted (the process died while reading the
-- file) is failed by the next idle worker: its staging process holds an advisory lock for as long as it reads.
alter table import_batch add column staging boolean not null default false;
