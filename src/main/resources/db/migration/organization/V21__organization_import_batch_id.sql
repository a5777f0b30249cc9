-- Organizations imported through the bulk import pipeline name its batch (a number); the module's own CSV import keeps
-- naming its batches by UUID.
alter table organization add column import_batch_id bigint;
