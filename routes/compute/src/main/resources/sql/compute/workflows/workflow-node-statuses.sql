-- What the nodes looked like when the workflow was locked: the events of a change are told against it.
select node_id, status from workflow_node where workflow_id = cast(:#${exchangeProperty.workflowId} as uuid) order by position, item_index nulls first
