-- Signed report PDFs (R11): a content-addressed blob store and the report's reference to its PDF.

-- 文件存储: large binary objects (report PDFs), keyed by the SHA-256 of their content.
create table blob (
    key        char(64) primary key check (key ~ '^[0-9a-f]{64}$'),
    media_type text not null,
    size_bytes integer not null check (size_bytes >= 0),
    content    bytea not null,
    stored_at  timestamptz not null
);

-- The signed PDF the lab uploaded with the report (null only for reports uploaded before V4).
alter table report add column pdf_sha256 char(64) check (pdf_sha256 ~ '^[0-9a-f]{64}$');
