select id::text as id, name, prefix, created_at, last_used_at, revoked_at from api_key order by created_at desc
