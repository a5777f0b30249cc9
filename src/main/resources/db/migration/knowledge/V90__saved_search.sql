-- Saved searches (保存的检索) and their subscriptions: new matches go to the owner's inbox and, in a digest, by mail.
create table saved_search (
    id          bigint generated always as identity primary key,
    -- an identity account: referenced by id
    owner_id    bigint      not null,
    name        text        not null check (length(name) between 1 and 100),
    -- the search as the results page takes it (SearchQuery)
    q           text check (length(q) <= 100),
    type        text check (length(type) <= 20),
    industry    text check (length(industry) <= 10),
    chain       text check (length(chain) <= 40),
    region      text check (length(region) <= 6),
    trl         smallint check (trl between 1 and 9),
    -- new matches are delivered to the inbox
    notify      boolean     not null default false,
    -- and collected in a mail this often
    digest      text        not null default 'NEVER' check (digest in ('DAILY', 'WEEKLY', 'NEVER')),
    -- the owner's language when they last saved the settings: the digest is written in it
    language    text        not null check (language in ('zh-CN', 'en')),
    -- records changed after this were not looked at yet
    checked_at  timestamptz not null,
    -- the last digest that covered this search (its creation at first)
    digested_at timestamptz not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

create index saved_search_owner_idx on saved_search (owner_id, id);
create index saved_search_notify_idx on saved_search (id) where notify;

-- Each record announced by a subscription, once: a record changed again later is not announced again.
create table saved_search_announcement (
    saved_search_id bigint      not null references saved_search (id) on delete cascade,
    record_type     text        not null,
    record_id       bigint      not null,
    owner_id        bigint      not null,
    -- the inbox notice that announced it
    notice_id       bigint      not null,
    title           text        not null,
    link            text,
    announced_at    timestamptz not null,
    -- the digest mail that listed it, or that found it read already
    digested_at     timestamptz,
    primary key (saved_search_id, record_type, record_id)
);

create index saved_search_announcement_digest_idx on saved_search_announcement (owner_id) where digested_at is null;
