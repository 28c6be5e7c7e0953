-- Applies one compute task event; an older or repeated event (sequence not newer) changes nothing.
update prediction
   set status           = :#status,
       progress         = :#progress,
       task_sequence    = :#sequence,
       compute_task_id  = coalesce(compute_task_id, cast(:#taskId as uuid)),
       result_image_url = coalesce(:#imageUrl, result_image_url),
       result_video_url = coalesce(:#videoUrl, result_video_url),
       width            = coalesce(:#width, width),
       height           = coalesce(:#height, height),
       error_message    = :#errorMessage,
       event_at         = now(),
       updated_at       = now()
 where id = cast(:#predictionId as uuid) and task_sequence < :#sequence
   and (compute_task_id is null or compute_task_id = cast(:#taskId as uuid))
returning generation_id::text as generation_id
