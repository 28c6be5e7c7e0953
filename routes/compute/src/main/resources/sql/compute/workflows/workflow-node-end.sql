-- A node that will not run (skipped, cancelled) or could not be enqueued (failed).
update workflow_node
   set status = :#status, skip_reason = :#skipReason, error_message = :#errorMessage, completed_at = now()
 where workflow_id = cast(:#${exchangeProperty.workflowId} as uuid) and node_id = :#nodeId
