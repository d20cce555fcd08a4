-- Outbound events (CloudEvents 1.0 over HTTP webhooks, docs/events.md).
-- A subscriber an administrator registered: one client's events (client_id) or every client's (null).
-- The secret signs each delivery (HMAC-SHA256): it must be readable here to sign, so it is stored
-- as given and never returned by the API after creation (trade-off in docs/events.md).
create table webhook_subscription (
  id           varchar(36)   not null primary key,
  name         varchar(200)  not null,
  url          varchar(2000) not null,
  client_id    varchar(64),                       -- null: every client (Mileo's own tools)
  event_types  varchar(2000),                     -- comma-separated types; null: every type
  secret       varchar(200)  not null,
  active       boolean       not null,
  created_at   timestamp with time zone not null,
  created_by   varchar(255)  not null,
  deleted_at   timestamp with time zone,
  deleted_by   varchar(255)
);

-- One event, written in the transaction of the step it tells; its id is the CloudEvents id.
create table webhook_event (
  id               varchar(36)   not null primary key,
  -- one event per step occurrence (the activity instance): a retried job writes nothing more
  idempotency_key  varchar(400)  not null,
  type             varchar(200)  not null,
  source           varchar(400)  not null,
  subject          varchar(255),
  client_id        varchar(64),
  occurred_at      timestamp with time zone not null,
  body             text          not null,         -- the CloudEvents JSON, exactly as delivered and signed
  constraint uk_webhook_event_idempotency unique (idempotency_key)
);

-- One delivery of one event to one subscriber, fanned out with the event: delivered at most once
-- per (event, subscriber) by the unique key and the claim, retried with backoff until it is.
create table webhook_delivery (
  id               varchar(36)   not null primary key,
  -- the order the deliveries were written in: a subscriber gets its events in the order of the steps
  -- (while none is retried: a retried event comes after the later ones that were delivered)
  seq              bigint        generated always as identity,
  event_id         varchar(36)   not null references webhook_event(id),
  subscription_id  varchar(36)   not null references webhook_subscription(id),
  status           varchar(16)   not null,   -- pending, delivered, failed, cancelled
  attempts         integer       not null,
  next_attempt_at  timestamp with time zone not null,
  last_status      integer,                  -- the subscriber's last HTTP status
  last_error       varchar(2000),
  created_at       timestamp with time zone not null,
  delivered_at     timestamp with time zone,
  claimed_by       varchar(128),
  claimed_until    timestamp with time zone,
  constraint uk_webhook_delivery unique (event_id, subscription_id)
);

create index ix_webhook_delivery_due on webhook_delivery (status, next_attempt_at);
create index ix_webhook_delivery_subscription on webhook_delivery (subscription_id, status);
