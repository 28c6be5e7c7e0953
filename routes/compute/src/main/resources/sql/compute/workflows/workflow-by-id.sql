select * from workflow where id = cast(:#${exchangeProperty.workflowId} as uuid)
