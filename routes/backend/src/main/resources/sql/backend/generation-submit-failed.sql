-- Compute refused or could not be reached: the generation is failed, its rows stay as the record.
with failed as (
    update generation set status = 'failed', error_message = :#errorMessage, updated_at = now(), completed_at = now()
     where id = cast(:#generationId as uuid))
update prediction set status = 'error', error_message = :#errorMessage, updated_at = now()
 where generation_id = cast(:#generationId as uuid) and compute_task_id is null and compute_workflow_id is null
