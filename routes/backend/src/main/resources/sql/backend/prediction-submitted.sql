update prediction set compute_task_id = cast(:#taskId as uuid), updated_at = now()
 where id = cast(:#predictionId as uuid) and compute_task_id is null
