-- Security updates (GUID-PREM-003 §01 and §03, issue 10) and the hardening re-verifications that
-- lessons learned start (PROC-CYB-005 §06).

-- Whether the client's maintenance contract requires a validation in a staging environment before
-- an update reaches production (GUID-PREM-003 §01). Part of the contract in the registry.
alter table client add column contract_staging_validation boolean default false not null;

-- The software of a site that the equipment inventory does not show: the VMS (recorded at each
-- commissioning) and the server's operating system. Updated after each intervention.
create table client_software (
  client_id        varchar(64)  not null references client(id),
  site_id          varchar(64)  not null,
  kind             varchar(16)  not null,
  product          varchar(200) not null,
  version          varchar(100) not null,
  last_reference   varchar(32)  not null,
  updated_at       timestamp    not null,
  primary key (client_id, site_id, kind)
);

-- One row per published update (advisory). The same advisory for the same product is the same update.
create table security_update (
  reference            varchar(32)   not null primary key,
  product              varchar(200)  not null,
  product_key          varchar(200)  not null,
  kind                 varchar(20)   not null,
  critical             boolean       not null,
  affected_versions    varchar(1000) not null,
  fixed_version        varchar(100),
  advisory             varchar(200)  not null,
  advisory_key         varchar(200)  not null,
  cve_ids              varchar(1000),
  published_at         timestamp with time zone not null,
  deadline_rule        varchar(64)   not null,
  due_at               timestamp with time zone not null,
  registered_by        varchar(64),
  registered_at        timestamp with time zone not null,
  process_instance_id  varchar(64),
  status               varchar(20)   not null,
  constraint uk_security_update_advisory unique (product_key, advisory_key)
);

-- The work per client: its process instance, whether staging validation came first, the incident
-- opened when a critical patch missed its deadline.
create table security_update_client (
  reference            varchar(32)  not null references security_update(reference),
  client_id            varchar(64)  not null references client(id),
  process_instance_id  varchar(64),
  staging_required     boolean      not null,
  staging_validated_by varchar(64),
  staging_validated_at timestamp with time zone,
  status               varchar(20)  not null,
  deadline_met         boolean,
  security_incident    varchar(32),
  primary key (reference, client_id)
);

-- Every affected item (equipment or software) and what became of it: applied (who, when, new
-- version), or not updated with the reason (end of support, client refusal).
create table security_update_item (
  reference        varchar(32)   not null references security_update(reference),
  client_id        varchar(64)   not null,
  item_id          varchar(120)  not null,
  site_id          varchar(64)   not null,
  item_kind        varchar(16)   not null,
  model            varchar(200)  not null,
  version_before   varchar(100)  not null,
  outcome          varchar(20)   not null,
  new_version      varchar(100),
  reason           varchar(2000),
  recorded_by      varchar(64),
  recorded_at      timestamp with time zone,
  applied_at       timestamp with time zone,
  primary key (reference, client_id, item_id)
);

-- Hardening controls re-verified after a security incident whose lessons named them as root cause.
create table hardening_reverification (
  incident_reference   varchar(32)  not null,
  client_id            varchar(64)  not null references client(id),
  site_id              varchar(64)  not null,
  point_id             varchar(16)  not null,
  process_instance_id  varchar(64),
  requested_at         timestamp with time zone not null,
  status               varchar(20)  not null,
  comment              varchar(4000),
  verified_by          varchar(64),
  verified_at          timestamp with time zone,
  primary key (incident_reference, client_id, site_id, point_id)
);
