-- Issue 18: a client may be under several regimes at once (an OIV that is also an essential
-- entity of NIS2): one row per regime, none for a client under no particular regime.
create table client_regime (
  client_id  varchar(64)  not null references client(id),
  regime     varchar(16)  not null,
  constraint pk_client_regime primary key (client_id, regime)
);
insert into client_regime (client_id, regime) select id, regime from client where regime <> 'NONE';
alter table client drop column regime;

-- The kind of NIS2 entity whose significant incidents regulation (EU) 2024/2690 defines (DNS,
-- cloud, managed services...); null for every other client (NIS2 art. 23(3) then applies).
alter table client add column nis2_entity_type varchar(32);

-- Each duty records the rule of the decision table that made it (its version included), and the
-- regime that rule applied for. One ANSSI duty per regime: an OIV that is also a NIS2 entity owes
-- the LPM declaration and the NIS2 notifications, each with its own clock and filings.
alter table regulatory_notification add column rule_version varchar(400);
alter table regulatory_notification add column regime varchar(16);
alter table regulatory_notification drop constraint uq_regulatory_notification;
alter table regulatory_notification add constraint uq_regulatory_notification
  unique (incident_reference, authority, procedure_code);
