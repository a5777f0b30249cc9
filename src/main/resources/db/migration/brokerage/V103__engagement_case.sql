-- The application case proposed from each evaluated engagement: at most one per engagement, however often the
-- EngagementMoved event is delivered. The case is caselib's record, referenced by id only.
create table engagement_case (
    engagement_id bigint      primary key references engagement (id),
    -- set in the transaction that claims the row; null never outlives it
    case_id       bigint,
    -- the parties and the links to the demand and the counterpart were left out of the case
    without_parties boolean   not null,
    proposed_at   timestamptz not null
);
create index engagement_case_case_idx on engagement_case (case_id);
