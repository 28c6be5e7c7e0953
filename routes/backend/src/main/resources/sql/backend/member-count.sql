select count(*) from organization_member where organization_id = cast(:#organizationId as uuid)
