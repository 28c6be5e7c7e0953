-- Spends the invitation and adds the membership together. Only the invited address may accept;
-- an existing admin stays admin.
with invitation as (
    update organization_invitation i
       set accepted_at = now(), accepted_by = cast(:#userId as uuid)
     where i.token_hash = :#tokenHash and i.accepted_at is null and i.expires_at > now()
       and lower(i.email) = (select lower(email) from app_user where id = cast(:#userId as uuid))
    returning i.organization_id, i.role),
member as (
    insert into organization_member (organization_id, user_id, role)
    select organization_id, cast(:#userId as uuid), role from invitation
    on conflict (organization_id, user_id) do update
       set role = case when organization_member.role = 'admin' then 'admin' else excluded.role end
    returning organization_id, role)
select o.*, member.role from organization o join member on member.organization_id = o.id
