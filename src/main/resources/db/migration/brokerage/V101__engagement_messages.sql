-- Messages between the parties of an engagement, and the files attached to them. Authors are accounts (identity
-- module): referenced by id only.
create table engagement_message (
    id            bigint generated always as identity primary key,
    engagement_id bigint      not null references engagement (id),
    author_id     bigint      not null,
    -- plain text as typed (no markup); empty when the message is only a file
    text          text        not null check (length(text) <= 5000),
    created_at    timestamptz not null
);
create index engagement_message_thread_idx on engagement_message (engagement_id, created_at, id);

-- The file itself lies outside the database and the web root (kechuang.brokerage.attachments), under a random name.
create table engagement_attachment (
    id            bigint generated always as identity primary key,
    engagement_id bigint      not null references engagement (id),
    message_id    bigint      not null references engagement_message (id),
    -- the uploader's file name, sanitised: no path, no markup characters
    file_name     text        not null check (length(file_name) between 1 and 200),
    -- the type found by looking at the content: PDF, DOCX, XLSX, PPTX, PNG, JPG, TXT, ZIP
    file_type     text        not null check (file_type in ('PDF', 'DOCX', 'XLSX', 'PPTX', 'PNG', 'JPG', 'TXT', 'ZIP')),
    size_bytes    bigint      not null check (size_bytes between 1 and 10485760),
    sha256        text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    storage_key   text        not null unique,
    uploaded_by   bigint      not null,
    created_at    timestamptz not null
);
create index engagement_attachment_message_idx on engagement_attachment (message_id);
create index engagement_attachment_engagement_idx on engagement_attachment (engagement_id);
