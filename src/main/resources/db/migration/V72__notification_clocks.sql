-- Issue 14: the clocks start where PROC-CYB-005 §05 says, and each decision names its owner.
-- The register of notifications keeps, beside Mileo's awareness, the earliest awareness known
-- (where the CNIL / ANSSI clocks now start), the deadline to tell the client and whether it was
-- kept, who told the client and how, and who made or recorded the client's decisions.
-- New instants are TIMESTAMP WITH TIME ZONE (bound as UTC instants): the same on H2 and PostgreSQL.
alter table regulatory_notification add column earliest_awareness_at timestamp with time zone;
alter table regulatory_notification add column client_information_due_at timestamp with time zone;
alter table regulatory_notification add column client_information_on_time boolean;
alter table regulatory_notification add column client_informed_by varchar(64);
alter table regulatory_notification add column client_informed_channel varchar(32);
alter table regulatory_notification add column decision_by varchar(64);
alter table regulatory_notification add column decision_recorded_by varchar(64);
alter table regulatory_notification add column data_subjects_decided_by varchar(64);
alter table regulatory_notification add column data_subjects_recorded_by varchar(64);

-- Each report: its internal due date (due_at, counted from the earliest awareness) and the latest
-- lawful filing time (legal_due_at, counted from the client's own awareness, GDPR art. 33(2)), and
-- whether the filing met each. recorded_by: who recorded the filing (the client's RSSI, or the
-- referent recording a filing the client made; submitted_by is then null).
alter table regulatory_report add column legal_due_at timestamp with time zone;
alter table regulatory_report add column legally_on_time boolean;
alter table regulatory_report add column legally_late_by_minutes bigint;
alter table regulatory_report add column recorded_by varchar(64);

-- Reports opened before: their clock ran from the client's awareness, which is the legal one.
update regulatory_report set legal_due_at = due_at, legally_on_time = on_time,
  legally_late_by_minutes = late_by_minutes, recorded_by = submitted_by;
