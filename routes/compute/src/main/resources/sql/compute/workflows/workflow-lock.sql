-- Every advance of a workflow holds its row: two processes handling the same event take turns.
select * from workflow where id = cast(:#${exchangeProperty.workflowId} as uuid) for update
