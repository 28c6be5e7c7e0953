insert into backend_job (id, kind, params, owner_id, organization_id, entity_id, max_attempts)
values (cast(:#id as uuid), :#kind, cast(:#params as jsonb), cast(:#ownerId as uuid), cast(:#organizationId as uuid),
        cast(:#entityId as uuid), :#maxAttempts)
