-- Verification log (核验记录, R14) and refusal reports (拒收举报, R14).

-- One row per verification recorded by a verify desk: who (organisation, user or API key), where
-- (free text), when (the desk's clock and the server's receipt), what (the scanned text and the
-- claims the server read from it) and the outcome (the desk's and the server's).
create table verification (
    id                   uuid primary key,
    organisation_id      uuid not null references organisation (id),
    user_id              uuid references app_user (id),
    api_key_id           uuid references api_key (id),
    scanned_text         text not null check (length(scanned_text) between 1 and 4096),
    source               text not null check (source in ('WEBCAM', 'IMAGE_FILE', 'PDF')),
    place                text check (length(place) <= 200),
    scanned_at           timestamptz not null,
    received_at          timestamptz not null,
    outcome              text not null,
    report_status        text check (report_status in ('VALID', 'SUPERSEDED', 'WITHDRAWN')),
    server_outcome       text not null,
    server_report_status text check (server_report_status in ('VALID', 'SUPERSEDED', 'WITHDRAWN')),
    -- the token's claims as the server read them (null for a foreign text)
    token_kind           text,
    issuer_uscc          text,
    issuer_name          text,
    document_number      text,
    token_issued_at      timestamptz,
    key_id               text,
    claims_verified      boolean not null,
    -- the report the token names, only when the token verified and the report is in the system
    report_id            uuid references report (id),
    project_id           uuid references project (id),
    check (user_id is not null or api_key_id is not null)
);
create index verification_org_received on verification (organisation_id, received_at desc);
create index verification_project on verification (project_id) where project_id is not null;
create index verification_received on verification (received_at desc);

-- Refusal reports, routed to the regulators of region_code and handled by them.
create table refusal (
    id                   uuid primary key,
    organisation_id      uuid not null references organisation (id),
    user_id              uuid references app_user (id),
    api_key_id           uuid references api_key (id),
    verification_id      uuid references verification (id),
    filed_at             timestamptz not null,
    reason               text not null check (length(reason) between 1 and 500),
    place                text check (length(place) <= 200),
    scanned_text         text not null check (length(scanned_text) between 1 and 4096),
    outcome              text not null,
    report_status        text check (report_status in ('VALID', 'SUPERSEDED', 'WITHDRAWN')),
    server_outcome       text not null,
    server_report_status text check (server_report_status in ('VALID', 'SUPERSEDED', 'WITHDRAWN')),
    token_kind           text,
    issuer_uscc          text,
    issuer_name          text,
    document_number      text,
    token_issued_at      timestamptz,
    key_id               text,
    claims_verified      boolean not null,
    report_id            uuid references report (id),
    project_id           uuid references project (id),
    region_code          char(6) not null references region (code),
    routing              text not null check (routing in ('REPORT_PROJECT', 'FILER_REGION')),
    routing_reason       text not null,
    image_key            char(64) not null references blob (key),
    image_media_type     text not null check (image_media_type in ('image/png', 'image/jpeg')),
    image_bytes          integer not null check (image_bytes > 0),
    state                text not null check (state in ('OPEN', 'IN_PROGRESS', 'CLOSED')),
    taken_at             timestamptz,
    taken_by_user_id     uuid references app_user (id),
    take_note            text,
    closed_at            timestamptz,
    closed_by_user_id    uuid references app_user (id),
    finding              text,
    version              bigint not null check (version >= 1),
    check (user_id is not null or api_key_id is not null),
    check (state = 'OPEN' or (taken_at is not null and taken_by_user_id is not null and take_note is not null)),
    check (state <> 'CLOSED' or (closed_at is not null and closed_by_user_id is not null and finding is not null))
);
create index refusal_region_state on refusal (region_code, state, filed_at desc);
create index refusal_org on refusal (organisation_id, filed_at desc);
