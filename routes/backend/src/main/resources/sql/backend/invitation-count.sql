select count(*) from organization_invitation where organization_id = cast(:#organizationId as uuid)
