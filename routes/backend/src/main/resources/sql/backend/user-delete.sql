delete from app_user where id = cast(:#id as uuid) returning id::text as id
