-- Issue 18, exercises and Mileo's own duties as a managed service provider.

-- An exercise: declared at report time or converted later by the referent. Who, when and why are
-- recorded with the authenticated identity (origin: 'signalement' or 'conversion'); never reset.
alter table security_incident add column exercise boolean default false not null;
alter table security_incident add column exercise_origin varchar(16);
alter table security_incident add column exercise_recorded_by varchar(64);
alter table security_incident add column exercise_recorded_at timestamp with time zone;
alter table security_incident add column exercise_reason varchar(4000);

-- Qualification: is Mileo's own service affected (its remote access, its supervision platform,
-- several clients at once), and which other clients are affected beside the incident's own.
alter table security_incident add column mileo_service_affected boolean;
alter table security_incident add column mileo_service_parts varchar(200);
alter table security_incident add column other_affected_clients varchar(4000);

-- The register of notifications: an exercise's duties are rehearsed, flagged and never counted;
-- obligor: whose duty it is, the client's ('client') or Mileo's own as a NIS2 entity ('mileo').
-- One duty per incident, authority and obligor (Mileo's ANSSI clock runs beside the client's).
alter table regulatory_notification add column exercise boolean default false not null;
alter table regulatory_notification add column obligor varchar(16) default 'client' not null;
alter table regulatory_notification drop constraint uq_regulatory_notification;
alter table regulatory_notification add constraint uq_regulatory_notification_obligor
  unique (incident_reference, authority, obligor);

-- NIS2 art. 23(1): Mileo's notice to the recipients of its service, one row per incident and
-- client told (the mail itself is in the outbox, under outbox_key).
create table provider_recipient_notice (
  incident_reference  varchar(32)   not null,
  client_id           varchar(64)   not null,
  notification_id     varchar(80)   not null,
  decided_by          varchar(64),
  recorded_at         timestamp with time zone not null,
  outbox_key          varchar(400)  not null,
  exercise            boolean default false not null,
  primary key (incident_reference, client_id)
);
