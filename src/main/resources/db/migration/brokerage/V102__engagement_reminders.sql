-- The reminders already sent that a stage's deadline is near: one per engagement and stage entry.
create table engagement_reminder_notice (
    engagement_id    bigint      not null references engagement (id),
    stage_entered_at timestamptz not null,
    noticed_at       timestamptz not null,
    primary key (engagement_id, stage_entered_at)
);
