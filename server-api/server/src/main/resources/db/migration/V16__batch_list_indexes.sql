-- Province-scale ready-mix reads (issue 5): millions of production batches, listed a page at a time
-- (GET /api/v1/batches, newest planned start first, then by id) and counted per plant for the
-- regulators (GET /api/v1/supervision/plants/dosing). Each index serves one common filter of the
-- list in the list's own order, so a page reads about as many index entries as it shows; see
-- docs/ready-mix-quality.md ("Scale") for the plans and the figures.

-- Trigram matching for the text search (q: contains, case-insensitive). pg_trgm ships with
-- PostgreSQL and is a trusted extension (PostgreSQL 13+): the database's owner may create it.
-- Chinese text gets trigrams only in a database whose LC_CTYPE is a UTF-8 locale (e.g. zh_CN.UTF-8
-- or C.UTF-8); under LC_CTYPE C the index still answers digits and Latin letters (serial numbers,
-- the plant's ids) and Chinese searches fall back to reading the list in order.
create extension if not exists pg_trgm;

-- Regulators of a city or of the province see many regions: the list in order over the whole table,
-- their regions checked in the index itself (a county's regulator uses production_batch_region_planned),
-- so even a deep page is chosen by an index-only scan.
create index production_batch_planned on production_batch (planned_start desc, id) include (region_code);

-- One project's batches in the list's order (replaces the plain project index of V10).
create index production_batch_project_planned on production_batch (project_id, planned_start desc, id);
drop index production_batch_project;

-- dosingState filters (OUT_OF_TOLERANCE and NO_DATA are the rare, asked-for ones) in the list's order.
create index production_batch_dosing_planned on production_batch (dosing_state, planned_start desc, id);

-- Notification filters: the states computed at read time (BatchRules) first ask whether the start or
-- the end is known; the few batches not started, or not ended, have their own small indexes, so DUE
-- and MISSING (the states regulators look for) read only those.
create index production_batch_not_started on production_batch (planned_start desc, id) include (region_code)
    where started_at is null;
create index production_batch_not_ended on production_batch (planned_start desc, id) include (region_code)
    where ended_at is null;

-- q: the four searched columns as one text (BatchQuery.Where.SEARCHED_TEXT must stay this expression).
create index production_batch_text on production_batch
    using gin ((serial_number || ' ' || plant_batch_id || ' ' || buyer || ' ' || pour_location) gin_trgm_ops);

-- The plant figures and their drill-down: a batch belongs to the day it started, else was planned to.
create index production_batch_production on production_batch ((coalesce(started_at, planned_start)));
