update workflow_node
   set status = 'queued', task_id = cast(:#taskId as uuid), runs = runs + 1, attempts = 0, output = null,
       error_message = null, skip_reason = null, started_at = null, completed_at = null
 where workflow_id = cast(:#${exchangeProperty.workflowId} as uuid) and node_id = :#nodeId
