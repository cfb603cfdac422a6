-- Material lots and mix designs linked to a report by its QR token (issue 5, R5): a material's test
-- report or a trial-mix report is usually issued by an outside testing agency (检测机构) and reaches
-- the plant on paper. The scanned token proves the plant holds a genuine report of that issuer; the
-- server verifies it before linking (test_report_id / trial_report_id) and keeps the canonical token
-- so whoever reads the trace opens the report's PDF through GET /api/v1/verify/{token}/pdf.
alter table material_lot add column test_report_token text check (length(test_report_token) between 1 and 512);
alter table mix_design add column trial_report_token text check (length(trial_report_token) between 1 and 512);
