select s.* from subscription s
 where (cast(:#organizationId as uuid) is null
        and (s.organization_id in (select organization_id from organization_member where user_id = cast(:#userId as uuid)) or :#superuser)
        or s.organization_id = cast(:#organizationId as uuid))
 order by s.created_at, s.id
 limit :#limit offset :#skip
