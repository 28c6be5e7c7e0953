-- A concurrent upload of the same bytes may win the race: then nothing is inserted and the caller
-- reuses the winner's row (and drops its own copy).
insert into media_resource (id, resource_type, storage_key, content_hash, extension, mime_type, file_size, created_by)
values (cast(:#id as uuid), 'IMAGE', :#storageKey, :#hash, :#extension, :#mimeType, :#fileSize, cast(:#userId as uuid))
on conflict (content_hash) do nothing
returning id::text as id, storage_key
