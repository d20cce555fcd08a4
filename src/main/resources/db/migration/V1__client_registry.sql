-- Client registry: every process concerns a client, and each client is a Camunda tenant.
create table client (
  id              varchar(64)  not null primary key,
  name            varchar(200) not null,
  regime          varchar(32)  not null,
  contract_type   varchar(16)  not null,
  contract_start  date         not null,
  contract_end    date         not null,
  dpo_name        varchar(200),
  dpo_email       varchar(254),
  dpo_phone       varchar(40),
  created_at      timestamp    not null,
  updated_at      timestamp    not null
);

create table client_rssi (
  client_id  varchar(64)  not null references client(id),
  position   integer      not null,
  name       varchar(200) not null,
  email      varchar(254) not null,
  user_id    varchar(64),
  primary key (client_id, position)
);

create table client_site (
  client_id  varchar(64)  not null references client(id),
  site_id    varchar(64)  not null,
  position   integer      not null,
  name       varchar(200) not null,
  address    varchar(400),
  primary key (client_id, site_id)
);
