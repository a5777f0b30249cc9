-- Indexes on optional columns hold only the rows that have a value: every filter on them (=, like) implies the value is
-- there, so the planner still uses them, and storing a record without the value (an import of a few columns) no longer
-- maintains them for nothing.
drop index demand_created_by_idx;
create index demand_created_by_idx on demand (created_by) where created_by is not null;
drop index demand_region_idx;
create index demand_region_idx on demand (region_code text_pattern_ops) where region_code is not null;
drop index demand_industry_idx;
create index demand_industry_idx on demand (industry_code text_pattern_ops) where industry_code is not null;
drop index demand_industry_section_idx;
create index demand_industry_section_idx on demand (industry_section) where industry_section is not null;
drop index demand_chain_node_idx;
create index demand_chain_node_idx on demand (chain_node_code text_pattern_ops) where chain_node_code is not null;
drop index demand_owner_title_idx;
create index demand_owner_title_idx on demand (organization_id, title_key)
    where status <> 'ARCHIVED' and organization_id is not null;
-- no query can use it: titles are searched with like '%…%' and grouped for dedup by an expression of the key
drop index demand_title_key_idx;
