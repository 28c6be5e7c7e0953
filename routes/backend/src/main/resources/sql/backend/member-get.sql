select m.user_id::text as user_id, u.email, u.full_name, m.role, m.created_at
  from organization_member m
  join app_user u on u.id = m.user_id
 where m.organization_id = cast(:#organizationId as uuid) and m.user_id = cast(:#memberId as uuid)
