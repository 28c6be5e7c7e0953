-- A node that will not run (skipped, cancelled), could not be enqueued (failed), or a for_each step whose items ended
-- (completed with their outputs as its output).
update workflow_node
   set status = :#status, skip_reason = :#skipReason, error_message = :#errorMessage, completed_at = now(),
       output = coalesce(cast(:#output as jsonb), output)
 where workflow_id = cast(:#${exchangeProperty.workflowId} as uuid) and node_id = :#nodeId
