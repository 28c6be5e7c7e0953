update organization o set name = coalesce(cast(:#name as text), o.name), updated_at = now()
 where o.id = cast(:#organizationId as uuid)
returning o.*, (select role from organization_member m where m.organization_id = o.id and m.user_id = cast(:#userId as uuid)) as role
