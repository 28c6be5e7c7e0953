-- paused → running: the advance that follows queues what became ready meanwhile.
update workflow
   set status = 'running', paused_at = null, updated_at = now()
 where id = cast(:#${exchangeProperty.workflowId} as uuid) and status = 'paused'
