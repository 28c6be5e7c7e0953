-- A generation's predictions in seed (and item) order, as its submissions are built from them.
select id::text as id, seed, shot_type, workflow_item from prediction where generation_id = cast(:#generationId as uuid) order by seed, id
