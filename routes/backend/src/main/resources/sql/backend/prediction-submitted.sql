update prediction set compute_task_id = cast(:#taskId as uuid), event_at = coalesce(event_at, now()), updated_at = now()
 where id = cast(:#predictionId as uuid) and compute_task_id is null
