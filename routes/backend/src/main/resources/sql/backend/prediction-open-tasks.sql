select compute_task_id::text as task_id from prediction
 where generation_id = cast(:#generationId as uuid) and status in ('pending', 'generating') and compute_task_id is not null
