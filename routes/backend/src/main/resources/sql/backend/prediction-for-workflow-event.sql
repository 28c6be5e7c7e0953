-- The predictions a compute workflow event is about: by workflow id, or (when the event outran the storing of the
-- workflow id) by the prediction ids the workflow was created with. In item order, then seed order.
select id::text as id, generation_id::text as generation_id, workflow_sequence, workflow_item
  from prediction
 where compute_workflow_id = cast(:#workflowId as uuid)
    or compute_workflow_id is null and id = any(cast(:#predictionIds as uuid[]))
 order by workflow_item nulls first, seed, id
