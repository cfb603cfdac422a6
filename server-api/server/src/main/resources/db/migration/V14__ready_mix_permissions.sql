-- The ready-mix modules (V10, V11) bring two permissions. Users created before them would have no
-- way in until an administrator visits each account, and a plant's administrator could not even
-- grant BATCHES_REGISTER to itself. So, once, on upgrade:
--   * administrators of ready-mix plants get BATCHES_REGISTER (they grant it to their staff);
--   * regulators' users who supervise reports (REPORTS_SUPERVISE) get BATCHES_SUPERVISE.
-- Each grant is audited as 'user.permissions.upgrade' (no acting user: the upgrade did it).
-- Users created afterwards get their permissions the usual way.

with granted as (
    update app_user u
       set permissions = u.permissions || 'BATCHES_REGISTER'::text,
           updated_at  = now(),
           version     = u.version + 1
      from organisation o
     where o.id = u.organisation_id
       and o.kind = 'READY_MIX_PLANT'
       and u.role = 'ADMINISTRATOR'
       and not ('BATCHES_REGISTER' = any (u.permissions))
 returning u.id, u.organisation_id, u.permissions
)
insert into audit_log (occurred_at, user_id, api_key_id, organisation_id, action, entity_type, entity_id,
                       project_id, before, after)
select now(), null, null, organisation_id, 'user.permissions.upgrade', 'user', id::text, null,
       jsonb_build_object('permissions', to_jsonb(array_remove(permissions, 'BATCHES_REGISTER'))),
       jsonb_build_object('permissions', to_jsonb(permissions))
  from granted;

with granted as (
    update app_user u
       set permissions = u.permissions || 'BATCHES_SUPERVISE'::text,
           updated_at  = now(),
           version     = u.version + 1
      from organisation o
     where o.id = u.organisation_id
       and o.kind = 'REGULATOR'
       and 'REPORTS_SUPERVISE' = any (u.permissions)
       and not ('BATCHES_SUPERVISE' = any (u.permissions))
 returning u.id, u.organisation_id, u.permissions
)
insert into audit_log (occurred_at, user_id, api_key_id, organisation_id, action, entity_type, entity_id,
                       project_id, before, after)
select now(), null, null, organisation_id, 'user.permissions.upgrade', 'user', id::text, null,
       jsonb_build_object('permissions', to_jsonb(array_remove(permissions, 'BATCHES_SUPERVISE'))),
       jsonb_build_object('permissions', to_jsonb(permissions))
  from granted;
