-- Indexes on optional columns hold only the rows that have a value: every filter on them (=, like, >=) implies the value
-- is there, so the planner still uses them, and storing a record without the value (a station's import of title,
-- abstract and keywords) no longer maintains seven indexes for nothing.
drop index achievement_created_by_idx;
create index achievement_created_by_idx on achievement (created_by) where created_by is not null;
drop index achievement_region_idx;
create index achievement_region_idx on achievement (region_code text_pattern_ops) where region_code is not null;
drop index achievement_industry_idx;
create index achievement_industry_idx on achievement (industry_code text_pattern_ops) where industry_code is not null;
drop index achievement_industry_section_idx;
create index achievement_industry_section_idx on achievement (industry_section) where industry_section is not null;
drop index achievement_chain_node_idx;
create index achievement_chain_node_idx on achievement (chain_node_code text_pattern_ops)
    where chain_node_code is not null;
drop index achievement_trl_idx;
create index achievement_trl_idx on achievement (trl) where trl is not null;
drop index achievement_owner_title_idx;
create index achievement_owner_title_idx on achievement (organization_id, title_key)
    where status <> 'ARCHIVED' and organization_id is not null;
-- no query can use it: titles are searched with like '%…%' and grouped for dedup by an expression of the key
drop index achievement_title_key_idx;
