select distinct compute_workflow_id::text as workflow_id from prediction
 where generation_id = cast(:#generationId as uuid) and status in ('pending', 'generating') and compute_workflow_id is not null
