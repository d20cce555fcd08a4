-- Evidence uploads and declarations may carry an Idempotency-Key header (the caller's own id for
-- the request, e.g. a UUID): a retry of a request whose answer was lost (a site's 4G link, a
-- script's timeout) gets the item the first attempt recorded instead of a second, duplicate item
-- in the chain of custody. Keys are per incident; several items without a key stay possible
-- (a unique index admits many NULLs on H2 and PostgreSQL alike).
alter table evidence_item add column idempotency_key varchar(200);
create unique index ux_evidence_item_idempotency_key on evidence_item (reference, idempotency_key);
