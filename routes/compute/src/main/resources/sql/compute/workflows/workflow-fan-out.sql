-- A for_each step starts: its new items are inserted (waiting, right after it) and the step is queued until they end.
with step as (
    update workflow_node
       set status = 'queued', runs = runs + 1, error_message = null, skip_reason = null, output = null,
           started_at = coalesce(started_at, now()), completed_at = null
     where workflow_id = cast(:#${exchangeProperty.workflowId} as uuid) and node_id = :#stepId
    returning *)
insert into workflow_node (workflow_id, node_id, position, task_type, config, parent_id, item_index, item)
select step.workflow_id, i.node_id, step.position, step.task_type, '{}', step.node_id, i.item_index, i.item
  from step, jsonb_to_recordset(cast(:#items as jsonb)) as i(node_id text, item_index int, item jsonb)
