select o.*, m.role
  from organization o
  left join organization_member m on m.organization_id = o.id and m.user_id = cast(:#userId as uuid)
 where m.user_id is not null or :#superuser
 order by o.created_at, o.id
 limit :#limit offset :#skip
