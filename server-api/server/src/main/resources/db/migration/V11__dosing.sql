-- 投料数据 (R20): the batching control system's per-plate records of a production batch, the
-- deviation report the server computed against the batch's mix design, and the links between
-- batches and the cube test reports of specimens taken from them (质量追溯).

-- Every distinct set of dosing records received for a batch, append-only: a new set replaces the
-- previous one as the batch's current set (dosing_current) but never deletes it, so what a plant
-- sent and what the check found stay on record. Re-sending the current set (same digest) adds nothing.
create table dosing_set (
    id                   uuid primary key,
    batch_id             uuid not null references production_batch (id),
    revision             int not null check (revision >= 1),
    -- SHA-256 (hex) of the canonical form of the plates and the computer-controlled flag
    digest               char(64) not null,
    source               text not null check (source in ('CSV', 'JSON')),
    computer_controlled  boolean not null,
    plate_count          int not null check (plate_count >= 1),
    state                text not null check (state in ('WITHIN_TOLERANCE', 'OUT_OF_TOLERANCE')),
    -- the deviation report (cn.cqs.contract.batches.dosing.DosingReport) as computed on arrival
    report               jsonb not null,
    received_at          timestamptz not null,
    organisation_id      uuid not null references organisation (id),
    user_id              uuid references app_user (id),
    api_key_id           uuid references api_key (id),
    check (user_id is not null or api_key_id is not null),
    unique (batch_id, revision)
);
create index dosing_set_batch on dosing_set (batch_id, received_at desc);

-- One row per plate (盘) of a set: when it was mixed and its volume.
create table dosing_plate (
    set_id        uuid not null references dosing_set (id),
    plate_number  int not null check (plate_number >= 1),
    mixed_at      timestamptz not null,
    volume_m3     numeric(8, 3) not null check (volume_m3 > 0),
    primary key (set_id, plate_number)
);

-- The weighed mass of each material in a plate (每盘实际称量).
create table dosing_quantity (
    set_id        uuid not null,
    plate_number  int not null,
    kind          text not null check (kind in ('CEMENT', 'FLY_ASH', 'SLAG_POWDER', 'SAND', 'STONE', 'ADMIXTURE', 'WATER')),
    actual_kg     numeric(12, 3) not null check (actual_kg >= 0),
    primary key (set_id, plate_number, kind),
    foreign key (set_id, plate_number) references dosing_plate (set_id, plate_number)
);

-- The batch's current set (the last distinct one received).
create table dosing_current (
    batch_id  uuid primary key references production_batch (id),
    set_id    uuid not null unique references dosing_set (id)
);

-- 试块来源: the specimens of cube report report_id were taken from batch batch_id. Recorded by the
-- issuing lab or the batch's plant; the report and the batch belong to the same project.
create table batch_cube_report (
    batch_id                 uuid not null references production_batch (id),
    report_id                uuid not null references report (id),
    linked_at                timestamptz not null,
    linked_by_organisation_id uuid not null references organisation (id),
    linked_by_user_id        uuid references app_user (id),
    linked_by_api_key_id     uuid references api_key (id),
    check (linked_by_user_id is not null or linked_by_api_key_id is not null),
    primary key (batch_id, report_id)
);
create index batch_cube_report_report on batch_cube_report (report_id);
