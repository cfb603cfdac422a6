-- 监管统计: the regulators' report statistics select reports by issue time within a period.
create index report_issued on report (issued_at);
