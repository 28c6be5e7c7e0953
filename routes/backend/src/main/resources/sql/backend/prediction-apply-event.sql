-- Applies one compute task event; an older or repeated event (sequence not newer) changes nothing, and nothing
-- revives a prediction of a cancelled generation (a "running" event can arrive after the cancel).
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
   and not exists (select 1 from generation g where g.id = prediction.generation_id and g.cancelled_at is not null)
   -- the same, judged on the row itself: an update that waited for the cancel's row lock re-checks this
   and not (status = 'error' and error_message = 'Cancelled')
returning generation_id::text as generation_id
