select u.id, u.is_active, u.is_superuser, m.role
  from app_user u
  left join organization_member m
    on m.user_id = u.id and m.organization_id = cast(:#organizationId as uuid)
 where u.id = cast(:#userId as uuid)
