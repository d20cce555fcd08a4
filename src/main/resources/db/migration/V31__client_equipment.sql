-- The firmware inventory of GUID-PREM-003 §03: one row per piece of client equipment, updated
-- after each intervention (commissioning, remediation, annual audit).
create table client_equipment (
  client_id           varchar(64)  not null references client(id),
  serial_number       varchar(100) not null,
  kind                varchar(16)  not null,
  model               varchar(200) not null,
  firmware_version    varchar(100) not null,
  security_updates    boolean      not null,
  site_id             varchar(64)  not null,
  last_reference      varchar(32)  not null,
  updated_at          timestamp    not null,
  primary key (client_id, serial_number)
);
