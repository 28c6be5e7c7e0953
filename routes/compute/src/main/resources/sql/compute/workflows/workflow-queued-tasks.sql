select node_id, task_id::text as task_id from workflow_node
 where workflow_id = cast(:#${exchangeProperty.workflowId} as uuid) and status = 'queued'
