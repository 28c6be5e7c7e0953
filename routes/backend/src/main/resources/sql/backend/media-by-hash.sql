select id::text as id, storage_key from media_resource where content_hash = :#hash
