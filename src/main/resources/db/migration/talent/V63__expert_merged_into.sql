-- A duplicate merged into another expert profile by an operator: archived, and pointing to the profile kept.
alter table expert add column merged_into_id bigint;
create index expert_name_affiliation_idx on expert (name_key, affiliation_key) where status <> 'ARCHIVED';
