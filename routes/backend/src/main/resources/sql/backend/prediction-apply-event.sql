-- Applies one compute task event; an older or repeated event (sequence not newer) changes nothing.
update prediction
   set status           = :#status,
       progress         = :#progress,
       task_sequence    = :#sequence,
       result_image_url = coalesce(:#imageUrl, result_image_url),
       width            = coalesce(:#width, width),
       height           = coalesce(:#height, height),
       error_message    = :#errorMessage,
       updated_at       = now()
 where compute_task_id = cast(:#taskId as uuid) and task_sequence < :#sequence
returning generation_id::text as generation_id
