-- The approved lessons-learned report, kept on the incident (it may exceed a process variable's size).
alter table security_incident add column lessons_learned_report varchar(200000);
alter table security_incident add column lessons_learned_approved_at timestamp with time zone;
alter table security_incident add column lessons_learned_approved_by varchar(64);
alter table security_incident add column follow_up_incident varchar(32);
