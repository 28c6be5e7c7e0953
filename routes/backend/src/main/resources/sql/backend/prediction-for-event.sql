-- The prediction a compute event is about: by task id, or (when the event outran the storing of the task id)
-- by the entity id the task was created with, which is the prediction's id.
select id::text as id, generation_id::text as generation_id, task_sequence
  from prediction
 where compute_task_id = cast(:#taskId as uuid)
    or compute_task_id is null and compute_workflow_id is null and id = cast(:#entityId as uuid)
 limit 1
