select * from app_user where id = cast(:#id as uuid)
