-- Evidence captured before eradication (PROC-CYB-005 §03), or the referent's recorded waiver,
-- and the legal hold of video footage beyond the one-month purge (CSI L252-5).
create table security_incident_evidence (
  reference         varchar(32)   not null references security_incident(reference),
  position          integer       not null,
  kind              varchar(40)   not null,
  description       varchar(1000) not null,
  storage_location  varchar(1000) not null,
  sha256            char(64)      not null,
  captured_by       varchar(200)  not null,
  captured_at       timestamp with time zone not null,
  recorded_by       varchar(64),
  recorded_at       timestamp with time zone not null,
  primary key (reference, position)
);

alter table security_incident add column evidence_status varchar(20);
alter table security_incident add column evidence_waiver_reason varchar(4000);
alter table security_incident add column evidence_recorded_by varchar(64);
alter table security_incident add column evidence_recorded_at timestamp with time zone;
alter table security_incident add column video_legal_hold_ground varchar(40);
alter table security_incident add column video_legal_hold_justification varchar(4000);
alter table security_incident add column video_legal_hold_until date;
