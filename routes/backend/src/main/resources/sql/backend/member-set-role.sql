-- The admins of the organization are locked first, so two admins demoting each other cannot leave none.
with admins as (
    select user_id from organization_member
     where organization_id = cast(:#organizationId as uuid) and role = 'admin'
       for update)
update organization_member m set role = :#role
 where m.organization_id = cast(:#organizationId as uuid) and m.user_id = cast(:#memberId as uuid)
   and (:#role = 'admin' or exists (select 1 from admins a where a.user_id <> m.user_id))
returning m.user_id::text as user_id
