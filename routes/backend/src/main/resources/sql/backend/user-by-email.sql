select * from app_user where lower(email) = lower(:#${exchangeProperty.email})
