select c.total as total_count_, p.*
  from (select count(*) as total from outfit s
         where cast(:#organizationId as uuid) is null and s.organization_id is null and s.owner_id = cast(:#userId as uuid)
            or s.organization_id = cast(:#organizationId as uuid)) c
  left join lateral (
        select s.id::text as id, s.owner_id::text as owner_id, s.organization_id::text as organization_id, s.name, s.instruction,
               s.product_ids::text as product_ids, s.created_at, s.updated_at
          from outfit s
         where cast(:#organizationId as uuid) is null and s.organization_id is null and s.owner_id = cast(:#userId as uuid)
            or s.organization_id = cast(:#organizationId as uuid)
         order by s.created_at desc, s.id desc
         limit :#limit offset :#skip) p on true
