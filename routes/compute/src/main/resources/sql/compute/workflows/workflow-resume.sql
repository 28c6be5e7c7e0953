-- A failed or cancelled workflow (not cleaned up) runs again: its failed, cancelled and skipped nodes wait for their turn, except
-- those skipped by a condition (they did what the workflow asked).
with resumed as (
    update workflow
       set status = 'running', completed_at = null, updated_at = now(), started_at = coalesce(started_at, now())
     where id = cast(:#${exchangeProperty.workflowId} as uuid) and status in ('failed', 'cancelled') and cleanup is null
    returning id)
update workflow_node n
   set status = 'waiting', error_message = null, skip_reason = null, completed_at = null
  from resumed
 where n.workflow_id = resumed.id
   and (n.status in ('failed', 'cancelled') or n.status = 'skipped' and n.skip_reason is distinct from 'condition')
