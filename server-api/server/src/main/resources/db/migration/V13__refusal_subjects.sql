-- Refusal subjects (拒收对象, R10/R19): a refusal concerns a scanned report, a scanned production batch
-- (生产流水号), or ready-mixed concrete delivered without any serial number (无流水号拒收), which the
-- buyer describes (truck, plant, project, pour location) instead of scanning a code. The verification
-- log and refusals keep the batch a verified batch token names, so the batch project's regulators
-- see them.

alter table verification add column batch_id uuid references production_batch (id);
create index verification_batch on verification (batch_id) where batch_id is not null;

alter table refusal add column batch_id uuid references production_batch (id);
alter table refusal add column subject text not null default 'REPORT'
    check (subject in ('REPORT', 'BATCH', 'CONCRETE_WITHOUT_SERIAL'));
update refusal set subject = 'BATCH' where token_kind = 'BATCH';
alter table refusal alter column subject drop default;
alter table refusal add column truck_number text check (length(truck_number) between 1 and 20);
alter table refusal add column plant_name text check (length(plant_name) between 1 and 200);
alter table refusal add column project_name text check (length(project_name) between 1 and 200);
alter table refusal add column pour_location text check (length(pour_location) between 1 and 200);

-- concrete without a serial number has no scanned text and no verdicts
alter table refusal alter column scanned_text drop not null;
alter table refusal alter column outcome drop not null;
alter table refusal alter column server_outcome drop not null;
alter table refusal add constraint refusal_subject_shape check (
    (subject = 'CONCRETE_WITHOUT_SERIAL'
        and scanned_text is null and outcome is null and server_outcome is null
        and truck_number is not null and plant_name is not null and pour_location is not null
        and (project_id is not null or project_name is not null))
    or (subject <> 'CONCRETE_WITHOUT_SERIAL'
        and scanned_text is not null and outcome is not null and server_outcome is not null
        and truck_number is null and plant_name is null and pour_location is null));

alter table refusal drop constraint refusal_routing_check;
alter table refusal add constraint refusal_routing_check
    check (routing in ('REPORT_PROJECT', 'BATCH_PROJECT', 'NAMED_PROJECT', 'FILER_REGION'));
