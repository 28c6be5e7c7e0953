-- One statement: the entity's attachments of the named slots are replaced, never half-replaced.
with removed as (
    delete from media_resource_attachment
     where entity_type = :#entityType
       and entity_id = cast(:#entityId as uuid)
       and slot = any(string_to_array(:#slots, ','))
)
insert into media_resource_attachment (id, media_resource_id, entity_type, entity_id, slot, position, owner_id, organization_id)
select gen_random_uuid(), r.media_resource_id, :#entityType, cast(:#entityId as uuid), r.slot, r.position,
       cast(:#userId as uuid), cast(:#organizationId as uuid)
  from json_to_recordset(cast(:#rows as json)) as r(media_resource_id uuid, slot text, position int)
