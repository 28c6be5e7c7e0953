-- running → paused; any other state is left alone (the route answers 409).
update workflow
   set status = 'paused', paused_at = now(), updated_at = now()
 where id = cast(:#${exchangeProperty.workflowId} as uuid) and status = 'running'
