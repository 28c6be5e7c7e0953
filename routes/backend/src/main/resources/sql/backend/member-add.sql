-- Adds an existing user by e-mail; nothing when unknown or already a member (told apart by the caller).
insert into organization_member (organization_id, user_id, role)
select cast(:#organizationId as uuid), u.id, :#role from app_user u where lower(u.email) = lower(:#email)
on conflict (organization_id, user_id) do nothing
returning user_id::text as user_id, role
