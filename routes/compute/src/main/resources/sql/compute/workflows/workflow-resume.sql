-- A failed or cancelled workflow runs again: its failed, skipped and cancelled nodes wait for their turn.
with resumed as (
    update workflow
       set status = 'running', completed_at = null, updated_at = now(), started_at = coalesce(started_at, now())
     where id = cast(:#${exchangeProperty.workflowId} as uuid) and status in ('failed', 'cancelled')
    returning id)
update workflow_node n
   set status = 'waiting', error_message = null, completed_at = null
  from resumed
 where n.workflow_id = resumed.id and n.status in ('failed', 'skipped', 'cancelled')
