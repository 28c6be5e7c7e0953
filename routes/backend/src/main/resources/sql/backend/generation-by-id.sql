select * from generation where id = cast(:#generation_id as uuid) and owner_id = cast(:#${exchangeProperty.userId} as uuid)
