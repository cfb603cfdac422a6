-- Ready-mixed concrete (预拌混凝土管理子系统, R5-R10): material intake, mix designs, production
-- batches with their serial numbers and notifications, delivery tickets; and the platform's own
-- signing certificate (it signs the batches' QR tokens).

-- The platform's signing certificate belongs to no organisation row: organisation_id is null for it.
alter table organisation_certificate alter column organisation_id drop not null;

-- 原材料进厂登记 (R5): one registered raw-material delivery. plant_lot_id is the plant's own id (its ERP's),
-- the key of the idempotent PUT. Water is not registered by lot.
create table material_lot (
    id                 uuid primary key,
    organisation_id    uuid not null references organisation (id),
    plant_lot_id       text not null check (length(plant_lot_id) between 1 and 64),
    kind               text not null check (kind in ('CEMENT', 'FLY_ASH', 'SLAG_POWDER', 'SAND', 'STONE', 'ADMIXTURE')),
    specification      text not null check (length(specification) between 1 and 100),
    supplier           text not null check (length(supplier) between 1 and 200),
    manufacturer       text not null check (length(manufacturer) between 1 and 200),
    lot_number         text not null check (length(lot_number) between 1 and 64),
    quantity_tonnes    numeric(12, 3) not null check (quantity_tonnes > 0 and quantity_tonnes <= 100000),
    arrived_at         timestamptz not null,
    test_report_number text check (length(test_report_number) between 1 and 64),
    test_report_id     uuid references report (id),
    registered_at      timestamptz not null,
    updated_at         timestamptz not null,
    version            bigint not null default 1 check (version >= 1),
    change_seq         bigint not null,
    unique (organisation_id, plant_lot_id)
);
create index material_lot_arrived on material_lot (organisation_id, arrived_at desc);
create index material_lot_change_seq on material_lot (change_seq);
create trigger material_lot_change_seq before insert or update on material_lot
    for each row execute function stamp_change_seq();

-- 配合比: a plant's mix design for one concrete marking, valid over a range of days.
create table mix_design (
    id                  uuid primary key,
    organisation_id     uuid not null references organisation (id),
    plant_mix_design_id text not null check (length(plant_mix_design_id) between 1 and 64),
    marking             text not null check (length(marking) between 1 and 100),
    strength_class      text not null,
    trial_report_number text check (length(trial_report_number) between 1 and 64),
    trial_report_id     uuid references report (id),
    valid_from          date not null,
    valid_to            date check (valid_to >= valid_from),
    registered_at       timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint not null default 1 check (version >= 1),
    change_seq          bigint not null,
    unique (organisation_id, plant_mix_design_id)
);
create index mix_design_change_seq on mix_design (change_seq);
create trigger mix_design_change_seq before insert or update on mix_design
    for each row execute function stamp_change_seq();

-- 每立方米用量: kg of each material per m³ of a mix design, one line per kind.
create table mix_design_quantity (
    mix_design_id uuid not null references mix_design (id) on delete cascade,
    kind          text not null check (kind in ('CEMENT', 'FLY_ASH', 'SLAG_POWDER', 'SAND', 'STONE', 'ADMIXTURE', 'WATER')),
    kg_per_m3     numeric(10, 3) not null check (kg_per_m3 > 0),
    primary key (mix_design_id, kind)
);

-- 生产批次 (R6-R8): one production serial number. plant_batch_id is the plant's own id; region_code is
-- the project's (whose regulators see the batch). Registered fields never change; the start and end
-- notifications, the produced volume and the dosing check fill in later.
create table production_batch (
    id                 uuid primary key,
    serial_number      text not null unique check (serial_number ~ '^[0-9]{8}-[0-9A-Z]{9}-[0-9]{6}$'),
    organisation_id    uuid not null references organisation (id),
    plant_batch_id     text not null check (length(plant_batch_id) between 1 and 64),
    project_id         uuid not null references project (id),
    region_code        char(6) not null references region (code),
    buyer              text not null check (length(buyer) between 1 and 200),
    pour_location      text not null check (length(pour_location) between 1 and 200),
    marking            text not null check (length(marking) between 1 and 100),
    volume_m3          numeric(10, 3) not null check (volume_m3 > 0 and volume_m3 <= 10000),
    mix_design_id      uuid not null references mix_design (id),
    planned_start      timestamptz not null,
    contract_number    text check (length(contract_number) between 1 and 64),
    qr_token           text not null,
    registered_at      timestamptz not null,
    started_at         timestamptz,
    start_notified_at  timestamptz,
    ended_at           timestamptz,
    end_notified_at    timestamptz,
    produced_volume_m3 numeric(10, 3) check (produced_volume_m3 > 0),
    -- when the delivery tickets first covered the planned volume (the departure of the truck completing
    -- it): production evidently ended by then, so the end notification is due from that moment
    dispatched_at      timestamptz,
    dosing_state       text not null default 'NO_DATA'
                           check (dosing_state in ('NO_DATA', 'WITHIN_TOLERANCE', 'OUT_OF_TOLERANCE')),
    version            bigint not null default 1 check (version >= 1),
    change_seq         bigint not null,
    unique (organisation_id, plant_batch_id),
    check ((started_at is null) = (start_notified_at is null)),
    check ((ended_at is null) = (end_notified_at is null)),
    check (ended_at is null or (started_at is not null and ended_at >= started_at)),
    check ((ended_at is null) = (produced_volume_m3 is null))
);
create index production_batch_org_planned on production_batch (organisation_id, planned_start desc, id);
create index production_batch_region_planned on production_batch (region_code, planned_start desc, id);
create index production_batch_project on production_batch (project_id);
create index production_batch_change_seq on production_batch (change_seq);
create trigger production_batch_change_seq before insert or update on production_batch
    for each row execute function stamp_change_seq();

-- The material lots a batch uses, in the order the plant listed them.
create table production_batch_lot (
    batch_id uuid not null references production_batch (id),
    position integer not null check (position >= 0),
    lot_id   uuid not null references material_lot (id),
    primary key (batch_id, position),
    unique (batch_id, lot_id)
);
create index production_batch_lot_lot on production_batch_lot (lot_id);

-- 发货单: one truck's delivery ticket of a batch; ticket_number is the plant's own, unique per plant.
create table delivery_ticket (
    id              uuid primary key,
    organisation_id uuid not null references organisation (id),
    batch_id        uuid not null references production_batch (id),
    ticket_number   text not null check (length(ticket_number) between 1 and 64),
    truck_number    text not null check (length(truck_number) between 1 and 32),
    volume_m3       numeric(6, 3) not null check (volume_m3 > 0 and volume_m3 <= 20),
    departed_at     timestamptz not null,
    delivery_place  text not null check (length(delivery_place) between 1 and 200),
    recorded_at     timestamptz not null,
    unique (organisation_id, ticket_number)
);
create index delivery_ticket_batch on delivery_ticket (batch_id, departed_at);

-- The last serial-number sequence drawn per plant and day (China time). Drawn with
-- insert ... on conflict do update set last = last + 1 returning last, which locks the row until the
-- registering transaction ends, so numbers are consecutive and a rolled-back registration leaves no gap.
create table batch_serial_counter (
    organisation_id uuid not null references organisation (id),
    day             date not null,
    last            integer not null check (last between 1 and 999999),
    primary key (organisation_id, day)
);
