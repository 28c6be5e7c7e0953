-- A training the caller may see (tenancy/README.md).
select t.* from training t
 where t.id = cast(:#training_id as uuid)
   and (t.organization_id is null and t.owner_id = cast(:#${exchangeProperty.scope.userId} as uuid)
        or t.organization_id in (select organization_id from organization_member where user_id = cast(:#${exchangeProperty.scope.userId} as uuid))
        or :#${exchangeProperty.scope.superuser})
