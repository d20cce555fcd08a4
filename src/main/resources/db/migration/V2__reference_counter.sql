-- Readable references (INC-2026-0042, CHK-2026-0007...): one counter per prefix and year.
create table reference_counter (
  prefix      varchar(16) not null,
  ref_year    integer     not null,
  last_value  integer     not null,
  primary key (prefix, ref_year)
);
