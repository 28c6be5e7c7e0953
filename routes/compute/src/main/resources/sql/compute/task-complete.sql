with done as (
    update task
       set status       = 'completed',
           output       = cast(:#output as jsonb),
           progress     = 100,
           error_message = null,
           error_category = null,
           completed_at = now(),
           updated_at   = now(),
           lease_until  = null,
           next_poll_at = null,
           event_seq    = event_seq + 1
     where id = cast(:#taskId as uuid) and status = 'running'
    returning *)
insert into task_event (task_id, seq, payload)
select id, event_seq, task_event_payload(to_jsonb(done)) from done
