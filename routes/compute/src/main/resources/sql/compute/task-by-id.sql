select * from task where id = cast(:#task_id as uuid)
