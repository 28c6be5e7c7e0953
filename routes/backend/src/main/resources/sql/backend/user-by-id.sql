select * from app_user where id = cast(:#${exchangeProperty.userId} as uuid)
