-- Cancels a workflow that has not finished; its waiting nodes are skipped (queued ones: the route cancels their tasks).
with cancelled as (
    update workflow
       set status = 'cancelled', paused_at = null, completed_at = now(), updated_at = now()
     where id = cast(:#${exchangeProperty.workflowId} as uuid) and status in ('created', 'running', 'paused')
    returning id)
update workflow_node n
   set status = 'skipped', skip_reason = 'cancelled', error_message = 'workflow cancelled', completed_at = now()
  from cancelled
 where n.workflow_id = cancelled.id and n.status = 'waiting'
