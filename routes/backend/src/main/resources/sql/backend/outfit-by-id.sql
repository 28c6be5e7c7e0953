select s.id::text as id, s.owner_id::text as owner_id, s.organization_id::text as organization_id, s.name, s.instruction,
       s.product_ids::text as product_ids, s.created_at, s.updated_at
  from outfit s
 where s.id = cast(:#id as uuid)
   and (s.organization_id is null and s.owner_id = cast(:#userId as uuid)
       or s.organization_id in (select organization_id from organization_member where user_id = cast(:#userId as uuid))
       or :#superuser)
