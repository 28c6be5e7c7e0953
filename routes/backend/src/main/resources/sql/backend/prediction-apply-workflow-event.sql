-- Applies one compute workflow event to all its predictions at once (:#updates: a JSON list, one entry per prediction);
-- an older or repeated event (per-workflow sequence not newer) changes nothing, and nothing revives a prediction of a
-- cancelled generation. Answers the generation of each prediction changed.
with updates as (
    select * from jsonb_to_recordset(cast(:#updates as jsonb))
        as u(prediction_id uuid, status text, progress int, image_url text, video_url text, width int, height int, task_id uuid,
             attempts jsonb, error_message text))
update prediction p
   set status              = u.status,
       progress            = u.progress,
       workflow_sequence   = :#sequence,
       compute_workflow_id = coalesce(p.compute_workflow_id, cast(:#workflowId as uuid)),
       result_image_url    = coalesce(u.image_url, p.result_image_url),
       result_video_url    = coalesce(u.video_url, p.result_video_url),
       width               = coalesce(u.width, p.width),
       height              = coalesce(u.height, p.height),
       workflow_task_id    = coalesce(u.task_id, p.workflow_task_id),
       attempts            = coalesce(u.attempts, p.attempts),
       error_message       = u.error_message,
       event_at            = now(),
       updated_at          = now()
  from updates u
 where p.id = u.prediction_id and p.workflow_sequence < :#sequence
   and (p.compute_workflow_id is null or p.compute_workflow_id = cast(:#workflowId as uuid))
   and not exists (select 1 from generation g where g.id = p.generation_id and g.cancelled_at is not null)
   -- the same, judged on the row itself: an update that waited for the cancel's row lock re-checks this
   and not (p.status = 'error' and p.error_message = 'Cancelled')
returning p.generation_id::text as generation_id
