-- The mail outbox: every mail is first a row here, written in the transaction of the process step
-- that decides it; a sender delivers it later and marks it (see docs/reminders.md).
-- Times are instants (with time zone); recipients are resolved, bodies rendered at write time,
-- so a row can be sent without the process.
create table mail_outbox (
  id                   varchar(36)   not null primary key,
  -- one row per reminder/escalation/notice: a retried job or a second node finds it and writes nothing
  idempotency_key      varchar(400)  not null,
  kind                 varchar(16)   not null,   -- reminder, escalation, notice
  template             varchar(64)   not null,
  process_instance_id  varchar(64),
  business_key         varchar(255),
  reference            varchar(255),
  client_id            varchar(64),
  task_id              varchar(64),              -- the task a reminder is about: not sent once it is done
  deadline_name        varchar(64),
  due_at               timestamp with time zone,
  reminder_at          timestamp with time zone,
  recipients           text          not null,   -- e-mail addresses, comma-separated
  unreachable          text,                     -- people to tell who have no e-mail address
  subject              varchar(998)  not null,
  body_text            text          not null,
  body_html            text          not null,
  status               varchar(16)   not null,   -- pending, sent, failed, skipped
  attempts             integer       not null,
  next_attempt_at      timestamp with time zone not null,
  last_error           varchar(2000),
  skip_reason          varchar(500),
  created_at           timestamp with time zone not null,
  sent_at              timestamp with time zone,
  logged_at            timestamp with time zone, -- shown in the log while no SMTP server is configured
  claimed_by           varchar(128),             -- the node delivering it (until claimed_until), or that sent it
  claimed_until        timestamp with time zone,
  constraint uk_mail_outbox_idempotency unique (idempotency_key)
);

create index ix_mail_outbox_due on mail_outbox (status, next_attempt_at);
create index ix_mail_outbox_reference on mail_outbox (reference);
create index ix_mail_outbox_business_key on mail_outbox (business_key);

create table mail_outbox_attachment (
  mail_id       varchar(36)   not null references mail_outbox(id) on delete cascade,
  position      integer       not null,
  file_name     varchar(255)  not null,
  content_type  varchar(255)  not null,
  content       bytea         not null,
  primary key (mail_id, position)
);
