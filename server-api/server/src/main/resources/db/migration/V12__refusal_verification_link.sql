-- Linking a refusal to its verification (拒收举报关联核验记录). A desk records a verification and may
-- refuse the paper at once, while the verification still waits in its outbox: the refusal names the
-- verification by the Idempotency-Key the desk posts it with, and the server links the two when both
-- are stored, whichever arrives first. The key also makes recording a verification safe to retry.
alter table verification add column client_key text check (length(client_key) between 1 and 200);
create unique index verification_org_client_key on verification (organisation_id, client_key)
    where client_key is not null;

alter table refusal add column verification_key text check (length(verification_key) between 1 and 200);
create index refusal_unlinked_verification_key on refusal (organisation_id, verification_key)
    where verification_id is null and verification_key is not null;
