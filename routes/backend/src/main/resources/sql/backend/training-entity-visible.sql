-- Whether the entity a training is for exists and the caller may use it (count 0 or 1).
select count(*) from (
    select id from product t where :#entityType = 'PRODUCT' and t.id = cast(:#entityId as uuid)
       and hub_visible(t.owner_id, t.organization_id, false, cast(:#userId as uuid), :#superuser)
    union all
    select id from subject t where :#entityType = 'SUBJECT' and t.id = cast(:#entityId as uuid)
       and hub_visible(t.owner_id, t.organization_id, t.public, cast(:#userId as uuid), :#superuser)
    union all
    select id from style t where :#entityType = 'STYLE' and t.id = cast(:#entityId as uuid)
       and hub_visible(t.owner_id, t.organization_id, t.public, cast(:#userId as uuid), :#superuser)) found
