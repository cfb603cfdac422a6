-- Foundation schema: regions, organisations, users, authentication, projects, audit, idempotency.

create table region (
    code        char(6) primary key check (code ~ '^[0-9]{6}$'),
    name        text not null,
    parent_code char(6) references region (code),
    level       text not null check (level in ('PROVINCE', 'CITY', 'COUNTY'))
);

create table organisation (
    id          uuid primary key,
    name        text not null,
    kind        text not null check (kind in ('REGULATOR', 'TESTING_AGENCY', 'READY_MIX_PLANT', 'CONTRACTOR_LAB')),
    uscc        varchar(18) unique,
    region_code char(6) not null references region (code),
    parent_id   uuid references organisation (id),
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint not null default 1
);
create index organisation_region on organisation (region_code);

create table app_user (
    id              uuid primary key,
    organisation_id uuid not null references organisation (id),
    username        text not null unique,
    display_name    text not null,
    password_hash   text not null,
    role            text not null check (role in ('ADMINISTRATOR', 'ORDINARY')),
    permissions     text[] not null,
    active          boolean not null default true,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint not null default 1
);
create index app_user_organisation on app_user (organisation_id);

-- failed logins per user name (also for names that do not exist: no user enumeration)
create table login_throttle (
    username        text primary key,
    failures        int not null,
    last_failure_at timestamptz not null,
    locked_until    timestamptz
);

create table auth_token (
    token_hash bytea primary key,
    user_id    uuid not null references app_user (id),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz
);
create index auth_token_user on auth_token (user_id);

create table api_key (
    id              uuid primary key,
    organisation_id uuid not null references organisation (id),
    created_by      uuid not null references app_user (id),
    name            text not null,
    prefix          text not null,
    key_hash        bytea not null unique,
    permissions     text[] not null,
    created_at      timestamptz not null,
    revoked_at      timestamptz,
    last_used_at    timestamptz
);
create index api_key_organisation on api_key (organisation_id);

create table project (
    id                         uuid primary key,
    name                       text not null,
    region_code                char(6) not null references region (code),
    address                    text not null,
    owner_party                text,
    contractor_party           text,
    supervisor_party           text,
    created_by_organisation_id uuid not null references organisation (id),
    created_at                 timestamptz not null,
    updated_at                 timestamptz not null,
    version                    bigint not null default 1
);
create index project_region on project (region_code);
create index project_creator on project (created_by_organisation_id);

create table project_organisation (
    project_id      uuid not null references project (id),
    organisation_id uuid not null references organisation (id),
    linked_at       timestamptz not null,
    primary key (project_id, organisation_id)
);
create index project_organisation_org on project_organisation (organisation_id);

create table audit_log (
    id              bigserial primary key,
    occurred_at     timestamptz not null,
    user_id         uuid,
    api_key_id      uuid,
    organisation_id uuid not null,
    action          text not null,
    entity_type     text not null,
    entity_id       text not null,
    project_id      uuid,
    before          jsonb,
    after           jsonb
);
create index audit_log_organisation on audit_log (organisation_id, id);
create index audit_log_project on audit_log (project_id, id);

-- The audit log is append-only: the database itself refuses to change or remove a row.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_log_no_update_delete before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();

create table idempotency_key (
    organisation_id uuid not null,
    idempotency_key text not null,
    method          text not null,
    path            text not null,
    request_hash    bytea not null,
    status          int,
    headers         jsonb,
    body            text,
    created_at      timestamptz not null,
    primary key (organisation_id, idempotency_key)
);

-- A region and every region below it (a city and its counties; the province and everything).
create function region_subtree(root char(6)) returns table (code char(6)) language sql stable as $$
    with recursive subtree(code) as (
        select r.code from region r where r.code = root
        union all
        select r.code from region r join subtree s on r.parent_code = s.code
    )
    select code from subtree
$$;
