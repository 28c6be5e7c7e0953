-- The generation and all its predictions in one statement: nothing half-written.
with generation_row as (
    insert into generation (id, owner_id, organization_id, shot_id, prompt, negative_prompt, extra_prompt, width, height, batch_size,
                            seed, steps, generation_type, generation_strategy, subject_id, product_id, product2_id, style_id,
                            shot_type_id, pose_preset_id, refine, params)
    values (cast(:#id as uuid), cast(:#ownerId as uuid), cast(:#organizationId as uuid), cast(:#shotId as uuid), :#prompt,
            :#negativePrompt, :#extraPrompt, :#width, :#height, :#batchSize, :#seed, :#steps, :#generationType, :#generationStrategy,
            cast(:#subjectId as uuid), cast(:#productId as uuid), cast(:#product2Id as uuid), cast(:#styleId as uuid),
            cast(:#shotTypeId as uuid), cast(:#posePresetId as uuid), :#refine, cast(:#params as jsonb))
    returning id),
-- with shot types (a JSON list), prediction n is the n-th shot type's: item n of the pipeline's for_each
prediction_rows as (
    insert into prediction (id, generation_id, seed, shot_type, workflow_item)
    select gen_random_uuid(), generation_row.id, :#seed + n, cast(:#shotTypes as jsonb) ->> n,
           case when cast(:#shotTypes as jsonb) is not null then n end
      from generation_row, generate_series(0, :#batchSize - 1) as n
    returning id, seed, shot_type, workflow_item)
select id::text as id, seed, shot_type, workflow_item from prediction_rows order by seed
