-- Records the result of every queued node whose task has ended.
update workflow_node n
   set status        = case t.status when 'completed' then 'completed' when 'failed' then 'failed' else 'cancelled' end,
       output        = t.output,
       error_message = t.error_message,
       attempts      = t.attempt,
       started_at    = t.started_at,
       completed_at  = t.completed_at
  from task t
 where n.workflow_id = cast(:#${exchangeProperty.workflowId} as uuid)
   and n.task_id = t.id
   and n.status = 'queued'
   and t.status in ('completed', 'failed', 'cancelled')
