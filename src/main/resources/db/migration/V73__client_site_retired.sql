-- A site still named by incidents, checklists or the inventory is never removed from its client:
-- it is retired instead (kept, so every record keeps its name; no longer offered for new work).
alter table client_site add column retired boolean default false not null;
