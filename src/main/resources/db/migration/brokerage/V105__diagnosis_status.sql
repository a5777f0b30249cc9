-- A demand under diagnosis is open (the manager works on it), questioned (back with its author) or done.
alter table demand_assignment
    add column status     text        not null default 'OPEN' check (status in ('OPEN', 'QUESTIONED', 'DONE')),
    add column updated_at timestamptz not null default now();
create index demand_assignment_open_idx on demand_assignment (manager_id) where status <> 'DONE';
