select workflow_id::text as workflow_id from workflow_node where task_id = cast(:#${exchangeProperty.taskId} as uuid)
