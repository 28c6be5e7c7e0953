delete from organization where id = cast(:#organizationId as uuid) returning id::text as id
