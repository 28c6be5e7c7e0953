-- The workflow compute made for these predictions (and, for a one-node pipeline, the task that will make the result).
-- The workflow's first event may have been applied already, storing the workflow id: the task is recorded all the same.
update prediction
   set compute_workflow_id = cast(:#workflowId as uuid), workflow_task_id = coalesce(workflow_task_id, cast(:#taskId as uuid)),
       event_at = coalesce(event_at, now()), updated_at = now()
 where id = any(cast(:#predictionIds as uuid[]))
   and (compute_workflow_id is null or compute_workflow_id = cast(:#workflowId as uuid))
