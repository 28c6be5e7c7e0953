-- Revokes a live key; an already revoked key comes back unchanged (changed = false), an unknown one not at all.
with revoked as (
    update api_key set revoked_at = now()
     where id = cast(:#key_id as uuid) and revoked_at is null
    returning *)
select id::text as id, name, prefix, created_at, last_used_at, revoked_at, true as changed from revoked
union all
select id::text as id, name, prefix, created_at, last_used_at, revoked_at, false as changed from api_key
 where id = cast(:#key_id as uuid) and not exists (select 1 from revoked)
