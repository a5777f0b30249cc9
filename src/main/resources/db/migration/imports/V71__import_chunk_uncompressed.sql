-- A staged chunk's rows are written once, read once and dropped: compressing them (pglz, the only method the embedded
-- server has) cost more processor time than the disk it saved (measured: 200 chunks of 130,000 characters stored in
-- 2.6-2.8 s compressed, 1.0-1.5 s not).
alter table import_chunk alter column rows set storage external;
