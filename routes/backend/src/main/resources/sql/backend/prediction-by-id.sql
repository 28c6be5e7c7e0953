-- A prediction the caller may see: through its generation's tenancy (tenancy/README.md).
select p.*, g.shot_id, g.organization_id, g.prompt as generation_prompt
  from prediction p
  join generation g on g.id = p.generation_id
 where p.id = cast(:#prediction_id as uuid)
   and (g.organization_id is null and g.owner_id = cast(:#${exchangeProperty.scope.userId} as uuid)
        or g.organization_id in (select organization_id from organization_member where user_id = cast(:#${exchangeProperty.scope.userId} as uuid))
        or :#${exchangeProperty.scope.superuser})
