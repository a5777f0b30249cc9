-- The in-app inbox (收件箱): notices delivered to one account by any module, read or unread.
create table inbox_notice (
    id           bigint generated always as identity primary key,
    -- an identity account: referenced by id, checked by the module that delivers
    recipient_id bigint      not null,
    -- what the notice is about, named by the delivering module (knowledge.saved-search, …)
    kind         text        not null check (length(kind) between 1 and 100),
    -- the delivering module's key of the event: a redelivered event finds it and adds nothing
    delivery_key text        not null check (length(delivery_key) between 1 and 300),
    -- a message key and its arguments, resolved in the reader's language; without a key the text is its one argument
    title_key    text,
    title_args   text[]      not null default '{}',
    text_key     text,
    text_args    text[]      not null default '{}',
    -- a path inside the portal (/demands/12)
    link         text check (length(link) <= 500),
    created_at   timestamptz not null,
    read_at      timestamptz
);

create unique index inbox_notice_delivery_unique on inbox_notice (recipient_id, delivery_key);
create index inbox_notice_recipient_idx on inbox_notice (recipient_id, id desc);
create index inbox_notice_unread_idx on inbox_notice (recipient_id) where read_at is null;
