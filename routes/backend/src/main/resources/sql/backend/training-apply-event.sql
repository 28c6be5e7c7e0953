-- Applies one compute training event; an unknown task, a repeated or an older event changes nothing, and nothing
-- revives a training cancelled here (compute's events of it, sent before the cancel reached it, can arrive after).
update training
   set status        = :#status,
       progress      = :#progress,
       task_sequence = :#sequence,
       result        = coalesce(cast(:#result as jsonb), result),
       error_message = :#errorMessage,
       event_at      = now(),
       updated_at    = now(),
       completed_at  = case when :#status in ('completed', 'failed', 'cancelled') then now() end
 where compute_task_id = cast(:#taskId as uuid) and task_sequence < :#sequence
   and status <> 'cancelled'
