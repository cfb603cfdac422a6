-- Report lifecycle (R11): lab-internal drafts with review and approval steps, corrections that
-- supersede an issued report, and withdrawal.

-- 报告草稿: a lab's report on its way to issue, shared between the lab's PCs. Never visible outside
-- the organisation. content holds the authored record as JSON (possibly unfinished).
create table report_draft (
    id                uuid primary key,
    organisation_id   uuid not null references organisation (id),
    type              text not null check (type in ('CONCRETE_CUBE')),
    content           jsonb not null,
    report_number     text not null,
    state             text not null check (state in ('DRAFT', 'REVIEWED', 'APPROVED', 'ISSUED')),
    author_user_id    uuid not null references app_user (id),
    author_name       text not null,
    created_at        timestamptz not null,
    reviewer_user_id  uuid references app_user (id),
    reviewer_name     text,
    reviewed_at       timestamptz,
    approver_user_id  uuid references app_user (id),
    approver_name     text,
    approved_at       timestamptz,
    issued_report_id  uuid references report (id),
    updated_at        timestamptz not null,
    version           bigint not null default 1,
    check ((reviewer_user_id is null) = (state = 'DRAFT')),
    check ((approver_user_id is null) = (state in ('DRAFT', 'REVIEWED'))),
    check ((issued_report_id is null) = (state <> 'ISSUED'))
);
create index report_draft_organisation on report_draft (organisation_id, updated_at);

-- How the reviewer and approver of an uploaded report are known (see cn.cqs.contract.reports.SignOff);
-- the draft it issued; the correction chain; why and when it stopped being valid.
alter table report add column sign_off text not null default 'DECLARED'
    check (sign_off in ('WORKFLOW', 'SINGLE_USER', 'DECLARED'));
alter table report add column draft_id uuid references report_draft (id);
alter table report add column supersedes_id uuid references report (id);
alter table report add column superseded_by_id uuid references report (id);
alter table report add column correction_reason text;
alter table report add column status_reason text;
alter table report add column status_changed_at timestamptz;
alter table report add check ((supersedes_id is null) = (correction_reason is null));
alter table report add check ((status = 'VALID') = (status_reason is null));
alter table report add check ((status = 'SUPERSEDED') = (superseded_by_id is not null));
-- a report is corrected once, and a draft issued once
create unique index report_supersedes on report (supersedes_id) where supersedes_id is not null;
create unique index report_draft_issued on report (draft_id) where draft_id is not null;
