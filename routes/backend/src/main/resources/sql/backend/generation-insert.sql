-- The generation and all its predictions in one statement: nothing half-written.
with generation_row as (
    insert into generation (id, owner_id, prompt, negative_prompt, width, height, batch_size)
    values (cast(:#id as uuid), cast(:#ownerId as uuid), :#prompt, :#negativePrompt, :#width, :#height, :#batchSize)
    returning id),
prediction_rows as (
    insert into prediction (id, generation_id, seed)
    select gen_random_uuid(), generation_row.id, :#seed + n
      from generation_row, generate_series(0, :#batchSize - 1) as n
    returning id, seed)
select id::text as id, seed from prediction_rows order by seed
