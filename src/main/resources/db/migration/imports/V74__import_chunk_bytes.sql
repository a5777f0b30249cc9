-- A staged chunk's rows as the UTF-8 bytes of their JSON: written and read without building a string of the whole
-- chunk (two copies of up to a few megabytes per chunk on the Java heap, which the collector handles as humongous
-- objects). Not compressed, as before (V71).
alter table import_chunk alter column rows type bytea using convert_to(rows, 'UTF8');
alter table import_chunk alter column rows set storage external;
