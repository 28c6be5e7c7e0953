select * from prediction where generation_id = cast(:#generation_id as uuid) order by seed
