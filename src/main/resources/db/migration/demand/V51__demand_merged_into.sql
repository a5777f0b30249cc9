-- A duplicate merged into another demand by an operator: archived, and pointing to the record kept.
alter table demand add column merged_into_id bigint;
create index demand_owner_title_idx on demand (organization_id, title_key) where status <> 'ARCHIVED';
