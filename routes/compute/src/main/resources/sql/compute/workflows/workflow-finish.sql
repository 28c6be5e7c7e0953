update workflow
   set status = :#${exchangeProperty.finalStatus}, completed_at = now(), updated_at = now()
 where id = cast(:#${exchangeProperty.workflowId} as uuid)
