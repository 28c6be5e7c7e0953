with admins as (
    select user_id from organization_member
     where organization_id = cast(:#organizationId as uuid) and role = 'admin'
       for update)
delete from organization_member m
 where m.organization_id = cast(:#organizationId as uuid) and m.user_id = cast(:#memberId as uuid)
   and (m.role <> 'admin' or exists (select 1 from admins a where a.user_id <> m.user_id))
returning m.user_id::text as user_id
