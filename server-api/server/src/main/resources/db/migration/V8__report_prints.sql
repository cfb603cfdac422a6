-- 打印记录 (issue 3): every print of a report from the client, recorded by the server. A print made
-- offline arrives later through the client's outbox; printed_at is the client's clock, recorded_at
-- the server's. Append-only like the audit log.
create table report_print (
    id                uuid primary key,
    report_id         uuid not null references report (id),
    organisation_id   uuid not null references organisation (id),
    user_id           uuid references app_user (id),
    api_key_id        uuid references api_key (id),
    printed_by        text not null,
    copies            integer not null check (copies between 1 and 99),
    printer_name      text not null,
    printed_at        timestamptz not null,
    recorded_at       timestamptz not null,
    check ((user_id is null) <> (api_key_id is null))
);
create index report_print_report on report_print (report_id, recorded_at);

create function report_print_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'report_print is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger report_print_no_update_delete before update or delete on report_print
    for each row execute function report_print_append_only();
