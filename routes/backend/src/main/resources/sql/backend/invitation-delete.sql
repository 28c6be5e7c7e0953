delete from organization_invitation
 where id = cast(:#invitationId as uuid) and organization_id = cast(:#organizationId as uuid)
returning id::text as id
