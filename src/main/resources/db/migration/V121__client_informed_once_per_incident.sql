-- The client is told once per incident, not once per authority (feature/inform). The notification
-- through which Mileo told the client keeps the information as before and names its incident in
-- client_information_of: unique, so two tellings of one incident can never both be recorded (two
-- people completing "Informer le client" of the CNIL and of the ANSSI duty at the same moment: the
-- second transaction fails and changes nothing). Every other duty of the incident records the same
-- information (when, how, by whom, the client's awareness, judged against its own deadline) and
-- names, in client_informed_through, the notification through which the client was told.
-- Rows recorded before this version keep both columns empty (a unique index admits many NULLs on
-- H2 and PostgreSQL alike).
alter table regulatory_notification add column client_information_of varchar(32);
alter table regulatory_notification add column client_informed_through varchar(80);
create unique index ux_regulatory_notification_client_information on regulatory_notification (client_information_of);
