-- No fal slot came free in time: back to the queue without spending an attempt (nothing was tried).
with requeued as (
    update task
       set status       = 'pending',
           attempt      = greatest(attempt - 1, 0),
           available_at = now() + make_interval(secs => :#delaySeconds),
           lease_until  = null,
           worker_id    = null,
           updated_at   = now(),
           event_seq    = event_seq + 1
     where id = cast(:#taskId as uuid) and status = 'running' and provider_request is null
    returning *)
insert into task_event (task_id, seq, payload)
select id, event_seq, task_event_payload(to_jsonb(requeued)) from requeued
