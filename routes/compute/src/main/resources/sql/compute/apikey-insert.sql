insert into api_key (id, name, prefix, key_sha256)
values (cast(:#id as uuid), :#name, :#prefix, :#digest)
returning id::text as id, name, prefix, created_at, last_used_at, revoked_at
