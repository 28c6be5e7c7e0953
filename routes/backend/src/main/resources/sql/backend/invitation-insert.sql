insert into organization_invitation (id, organization_id, email, role, token_hash, invited_by, expires_at)
values (gen_random_uuid(), cast(:#organizationId as uuid), :#email, :#role, :#tokenHash, cast(:#userId as uuid),
        now() + make_interval(hours => :#expireHours))
returning *, (select name from organization where id = cast(:#organizationId as uuid)) as organization_name
