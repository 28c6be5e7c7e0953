select * from prediction where generation_id = cast(:#${exchangeProperty.generationRow[id]} as uuid) order by seed, id
