-- What the demo seeded, one row per record kind: a restart compares it with the configured count and generates
-- nothing when the count is reached, so seeding an already seeded database costs one query.
create table demo_seed (
    kind      text        primary key,
    seed      bigint      not null,
    requested integer     not null check (requested >= 0),
    inserted  integer     not null check (inserted >= 0),
    took_ms   bigint      not null,
    seeded_at timestamptz not null
);
