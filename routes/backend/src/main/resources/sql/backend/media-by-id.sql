select id::text as id, storage_key from media_resource where id = cast(:#id as uuid)
