select a.entity_id::text as entity_id, a.slot, a.position, r.storage_key
  from media_resource_attachment a
  join media_resource r on r.id = a.media_resource_id
 where a.entity_type = :#entityType
   and a.entity_id = any(cast(:#entityIds as uuid[]))
 order by a.entity_id, a.slot, a.position nulls first, a.created_at
