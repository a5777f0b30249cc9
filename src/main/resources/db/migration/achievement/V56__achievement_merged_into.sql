-- A duplicate merged into another achievement by an operator: archived, and pointing to the record kept.
alter table achievement add column merged_into_id bigint;
create index achievement_owner_title_idx on achievement (organization_id, title_key) where status <> 'ARCHIVED';
