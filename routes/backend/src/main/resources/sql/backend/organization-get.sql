-- The caller's membership was checked by tenancy.scope; this only finds the row (superusers: any).
select o.*, m.role
  from organization o
  left join organization_member m on m.organization_id = o.id and m.user_id = cast(:#userId as uuid)
 where o.id = cast(:#organizationId as uuid)
