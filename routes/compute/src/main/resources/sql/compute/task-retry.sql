-- Back to the queue after a transient failure; the provider request (if any) is forgotten only
-- when it provably never reached the provider, which the caller decides.
with retried as (
    update task
       set status         = 'pending',
           error_message  = :#errorMessage,
           error_category = :#errorCategory,
           available_at   = now() + make_interval(secs => :#delaySeconds),
           updated_at     = now(),
           lease_until    = null,
           worker_id      = null,
           dispatched_at  = null,
           retries        = retries + 1,
           event_seq      = event_seq + 1
     where id = cast(:#taskId as uuid) and status = 'running'
    returning *)
insert into task_event (task_id, seq, payload)
select id, event_seq, task_event_payload(to_jsonb(retried)) from retried
