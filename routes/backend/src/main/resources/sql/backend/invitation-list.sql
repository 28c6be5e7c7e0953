select * from organization_invitation
 where organization_id = cast(:#organizationId as uuid)
 order by created_at, id
 limit :#limit offset :#skip
