-- The organization, its creator as admin and its (free) subscription: all or nothing.
with org as (
    insert into organization (id, name) values (gen_random_uuid(), :#name) returning *),
member as (
    insert into organization_member (organization_id, user_id, role)
    select id, cast(:#userId as uuid), 'admin' from org),
subscription_row as (
    insert into subscription (id, organization_id) select gen_random_uuid(), id from org)
select org.*, 'admin' as role from org
