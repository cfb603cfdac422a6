-- Every report type of cn.cqs.contract.reports.ReportTypes may be uploaded and drafted, and the
-- conclusion column holds the common overall conclusion (cn.cqs.contract.reports.Conclusion) for
-- every type. A new report type adds its name to both checks in a migration of its own.
alter table report drop constraint report_type_check;
alter table report add constraint report_type_check
    check (type in ('CONCRETE_CUBE', 'REBAR', 'CEMENT', 'MORTAR', 'REBAR_SPLICE'));
alter table report_draft drop constraint report_draft_type_check;
alter table report_draft add constraint report_draft_type_check
    check (type in ('CONCRETE_CUBE', 'REBAR', 'CEMENT', 'MORTAR', 'REBAR_SPLICE'));

-- The cube's own conclusions become the common ones (its QR key fields keep the cube's names: they
-- are signed and recomputed from the content, not from this column). The version bump and the
-- change_seq trigger send the changed rows through the sync feed.
update report set conclusion = case conclusion
        when 'MEETS_GRADE' then 'QUALIFIED'
        when 'BELOW_GRADE' then 'UNQUALIFIED'
        when 'INVALID_GROUP' then 'INVALID' end,
    version = version + 1
 where conclusion in ('MEETS_GRADE', 'BELOW_GRADE', 'INVALID_GROUP');
alter table report add constraint report_conclusion_check
    check (conclusion in ('QUALIFIED', 'UNQUALIFIED', 'RETEST_REQUIRED', 'INVALID', 'NOT_TESTED'));
