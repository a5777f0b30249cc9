-- Each account chooses per kind of notice whether it reaches the inbox and/or e-mail (ADR 0018).

-- A notice delivered while the recipient had the inbox turned off for its kind is kept as the record of the delivery
-- (its key makes a redelivered event add nothing, not even a second mail) but never shown.
alter table inbox_notice add column in_inbox boolean not null default true;

drop index inbox_notice_unread_idx;
create index inbox_notice_unread_idx on inbox_notice (recipient_id) where read_at is null and in_inbox;

-- The account's choices where they differ from the kind's default; a kind and channel without a row follow the default.
create table inbox_preference (
    -- an identity account, by id
    account_id bigint      not null,
    -- a notice kind declared by a module (knowledge.saved-search, …)
    kind       text        not null check (length(kind) between 1 and 100),
    channel    text        not null check (channel in ('INBOX', 'EMAIL')),
    enabled    boolean     not null,
    updated_at timestamptz not null,
    primary key (account_id, kind, channel)
);

-- The language the account's notices are mailed in (the account itself keeps none); Chinese without a row.
create table inbox_account_language (
    account_id bigint primary key,
    language   text        not null check (language in ('zh-CN', 'en')),
    updated_at timestamptz not null
);

-- The mail outbox: one row per notice to mail, written in the delivery's transaction and sent after it commits (or by
-- the scheduled sender). A row is claimed (SENDING, committed) before the SMTP conversation, so that no crash or
-- redelivery ever sends it twice; a refused one goes back to PENDING until the attempts are used up.
create table inbox_mail (
    id              bigint generated always as identity primary key,
    notice_id       bigint      not null unique references inbox_notice (id),
    status          text        not null check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    claimed_at      timestamptz,
    sent_at         timestamptz,
    last_error      text check (length(last_error) <= 1000),
    created_at      timestamptz not null
);

create index inbox_mail_due_idx on inbox_mail (next_attempt_at) where status = 'PENDING';
