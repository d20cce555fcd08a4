-- Security incidents (PROC-CYB-005): one row per incident, kept beside its process instance so the
-- API, the indicators (MTTD, MTTR) and the lessons-learned report outlive the engine's history.
create table security_incident (
  reference               varchar(32)   not null primary key,
  process_instance_id     varchar(64)   not null,
  client_id               varchar(64)   not null references client(id),
  site_ids                varchar(2000) not null,
  detection_source        varchar(40)   not null,
  equipment               varchar(500)  not null,
  description             varchar(4000) not null,
  detected_at             timestamp with time zone not null,
  began_at                timestamp with time zone,
  -- the supervision platform's own alert id: the same alert sent twice is the same incident
  external_alert_id       varchar(200),
  related_incident        varchar(32),
  reported_by             varchar(64),
  created_at              timestamp with time zone not null,
  status                  varchar(20)   not null,
  nature                  varchar(20),
  severity                varchar(20),
  personal_data_involved  boolean,
  awareness_at            timestamp with time zone,
  qualification_version   integer,
  qualified_at            timestamp with time zone,
  returned_to_service_at  timestamp with time zone,
  closed_at               timestamp with time zone,
  mttd_minutes            bigint,
  mttr_minutes            bigint,
  constraint uk_security_incident_alert unique (external_alert_id)
);

create index ix_security_incident_client on security_incident (client_id);
