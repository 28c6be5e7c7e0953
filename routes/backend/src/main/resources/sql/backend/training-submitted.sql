update training set compute_task_id = cast(:#taskId as uuid), event_at = now(), updated_at = now()
 where id = cast(:#trainingId as uuid) and compute_task_id is null
