select id::text as id from app_user where lower(email) = lower(:#email)
