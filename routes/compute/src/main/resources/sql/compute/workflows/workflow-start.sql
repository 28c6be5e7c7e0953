-- created → running; any other state is left alone (the route answers 409).
update workflow
   set status = 'running', started_at = now(), updated_at = now()
 where id = cast(:#${exchangeProperty.workflowId} as uuid) and status = 'created'
