-- A job the caller may see: one they asked for personally, one of their organizations', or any for a superuser.
select j.id::text as id, j.kind, j.status, j.params::text as params, j.result::text as result, j.entity_id::text as entity_id,
       j.organization_id::text as organization_id, j.attempt, j.max_attempts, j.error_message, j.available_at,
       j.created_at, j.updated_at, j.started_at, j.completed_at
  from backend_job j
 where j.id = cast(:#id as uuid)
   and (cast(:#entityId as uuid) is null or j.entity_id = cast(:#entityId as uuid))
   and (j.organization_id is null and j.owner_id = cast(:#userId as uuid)
        or j.organization_id in (select organization_id from organization_member where user_id = cast(:#userId as uuid))
        or :#superuser)
