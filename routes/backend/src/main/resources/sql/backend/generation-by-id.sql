-- A generation the caller may see (tenancy/README.md); another tenant's is not found.
select t.* from generation t
 where t.id = cast(:#generation_id as uuid)
   and (t.organization_id is null and t.owner_id = cast(:#${exchangeProperty.scope.userId} as uuid)
        or t.organization_id in (select organization_id from organization_member where user_id = cast(:#${exchangeProperty.scope.userId} as uuid))
        or :#${exchangeProperty.scope.superuser})
