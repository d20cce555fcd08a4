-- Issue 19: the incident file, the PDF a client keeps of its security incident (PROC-CYB-005 §06:
-- the lessons-learned report is part of it). Every generation is a new version, none is replaced
-- or deleted (the file is part of the incident's record, kept as long as the incident: 5 years).
-- sha256: of the PDF file as stored and downloaded; content_sha256: of the text the document
-- shows (printed on its last page: a file cannot hold its own hash).
-- trigger_key: what caused the generation (the approval time, or an explicit regeneration), so
-- that a retried job never makes a second version for the same cause.
create table incident_file (
  reference            varchar(32)  not null references security_incident(reference),
  file_version         integer      not null,
  client_id            varchar(64)  not null,
  trigger_key          varchar(200) not null,
  reason               varchar(400) not null,
  file_name            varchar(200) not null,
  sha256               varchar(64)  not null,
  content_sha256       varchar(64)  not null,
  generated_by         varchar(64)  not null,
  generated_at         timestamp with time zone not null,
  pdf                  bytea        not null,
  primary key (reference, file_version),
  constraint incident_file_trigger unique (reference, trigger_key)
);

create index incident_file_client on incident_file (client_id);
