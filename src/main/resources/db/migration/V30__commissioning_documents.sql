-- The commissioning checklist documents of GUID-PREM-003 (§04): every issue is a new version,
-- none is replaced. Kept for the whole maintenance contract: nothing deletes a row before
-- retain_until (the contract's end date when it was issued, extended with the contract).
create table commissioning_document (
  reference            varchar(32)  not null,
  doc_version          integer      not null,
  client_id            varchar(64)  not null,
  site_id              varchar(64)  not null,
  process_instance_id  varchar(64)  not null,
  reason               varchar(400) not null,
  file_name            varchar(200) not null,
  content_json         varchar(1000000) not null,
  content_sha256       varchar(64)  not null,
  signed_by            varchar(64)  not null,
  signed_at            timestamp    not null,
  signature_sha256     varchar(64)  not null,
  issued_at            timestamp    not null,
  retain_until         date         not null,
  pdf                  bytea        not null,
  primary key (reference, doc_version)
);

create index commissioning_document_client on commissioning_document (client_id);
