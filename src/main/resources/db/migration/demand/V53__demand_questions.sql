-- A technology manager diagnosing a demand may return it to its author with questions (issue 6): the return reason
-- holds the questions, this column the manager's account (identity's record, by id).
alter table demand add column questions_by bigint;
