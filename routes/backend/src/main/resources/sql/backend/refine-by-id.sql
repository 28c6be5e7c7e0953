-- A refine the caller may see (tenancy/README.md), with its generation's state and its one prediction's result.
select r.id, r.source_prediction_id, r.generation_id, r.scale_factor, r.organization_id, r.created_at,
       g.status, g.progress, g.error_message, g.updated_at, g.completed_at, p.result_image_url, p.width, p.height
  from refine r
  join generation g on g.id = r.generation_id
  left join prediction p on p.generation_id = g.id
 where r.id = cast(:#refine_id as uuid)
   and (r.organization_id is null and r.owner_id = cast(:#${exchangeProperty.scope.userId} as uuid)
        or r.organization_id in (select organization_id from organization_member where user_id = cast(:#${exchangeProperty.scope.userId} as uuid))
        or :#${exchangeProperty.scope.superuser})
