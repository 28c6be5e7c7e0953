-- The nodes with their current task (status, attempt) for the view and the planner.
select n.*, n.task_id::text as task_id_text, t.status as task_status, t.attempt as task_attempt, t.progress as task_progress
  from workflow_node n
  left join task t on t.id = n.task_id
 where n.workflow_id = cast(:#${exchangeProperty.workflowId} as uuid)
 order by n.position, n.item_index nulls first
