-- Every qualification and re-qualification of a security incident, as the referent recorded it.
create table security_incident_qualification (
  reference               varchar(32)   not null references security_incident(reference),
  version                 integer       not null,
  nature                  varchar(20)   not null,
  severity                varchar(20)   not null,
  personal_data_involved  boolean       not null,
  awareness_at            timestamp with time zone not null,
  site_ids                varchar(2000) not null,
  affected_systems        varchar(4000) not null,
  reason                  varchar(4000),
  qualified_at            timestamp with time zone not null,
  qualified_by            varchar(64),
  primary key (reference, version)
);
