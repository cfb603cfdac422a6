-- PKI (organisation certificates), uploaded reports, and the change sequence of the sync feed.

-- One server-wide change sequence: every insert or update of a synchronised table (project, report)
-- takes the next value, so the feed can page by it. Writers take a transaction-scoped advisory lock
-- before drawing a value, so values are drawn in commit order and a reader that has seen value n
-- never later finds a committed row below n.
create sequence change_seq;

create function next_change_seq() returns bigint language plpgsql volatile as $$
begin
    perform pg_advisory_xact_lock(7243001);
    return nextval('change_seq');
end;
$$;

create function stamp_change_seq() returns trigger language plpgsql as $$
begin
    new.change_seq := next_change_seq();
    return new;
end;
$$;

alter table project add column change_seq bigint;
update project set change_seq = nextval('change_seq');
alter table project alter column change_seq set not null;
create index project_change_seq on project (change_seq);
create trigger project_change_seq before insert or update on project
    for each row execute function stamp_change_seq();

-- Linking an organisation to a project makes the project visible to it: put the project back in the feed.
create function project_link_touches_project() returns trigger language plpgsql as $$
begin
    update project set change_seq = change_seq where id = new.project_id;
    return new;
end;
$$;
create trigger project_organisation_change after insert on project_organisation
    for each row execute function project_link_touches_project();

-- 机构证书: organisation signing certificates the platform CA issued.
create table organisation_certificate (
    key_id            char(16) primary key check (key_id ~ '^[0-9a-f]{16}$'),
    organisation_id   uuid not null references organisation (id),
    uscc              varchar(18) not null,
    organisation_name text not null,
    certificate_pem   text not null,
    not_before        timestamptz not null,
    not_after         timestamptz not null,
    registered_at     timestamptz not null,
    revoked_at        timestamptz,
    revocation_reason text,
    check ((revoked_at is null) = (revocation_reason is null))
);
create index organisation_certificate_org on organisation_certificate (organisation_id);

-- 检测报告: uploaded reports. content holds the authored record as JSON; the key columns beside it
-- serve search and scoping.
create table report (
    id                           uuid primary key,
    type                         text not null check (type in ('CONCRETE_CUBE')),
    issuer_organisation_id       uuid not null references organisation (id),
    report_number                text not null,
    project_id                   uuid not null references project (id),
    project_name                 text not null,
    project_part                 text not null,
    sample_name                  text not null,
    sample_id                    text not null,
    design_grade                 text not null,
    representative_strength_mpa  numeric,
    conclusion                   text not null,
    content                      jsonb not null,
    qr_token                     text not null,
    issued_at                    timestamptz not null,
    received_at                  timestamptz not null,
    late                         boolean not null,
    issued_at_flag               text,
    status                       text not null check (status in ('VALID', 'SUPERSEDED', 'WITHDRAWN')),
    tester_name                  text,
    reviewer_name                text,
    approver_name                text,
    version                      bigint not null default 1,
    change_seq                   bigint not null,
    unique (issuer_organisation_id, report_number)
);
create index report_project on report (project_id);
create index report_received on report (received_at);
create index report_change_seq on report (change_seq);
create trigger report_change_seq before insert or update on report
    for each row execute function stamp_change_seq();
