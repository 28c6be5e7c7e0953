-- The predictions of a page of generations.
select * from prediction where generation_id = any(cast(:#generationIds as uuid[])) order by generation_id, seed, id
