-- A task whose worker died on its last attempt is failed rather than left running forever.
with failed as (
    update task
       set status         = 'failed',
           error_message  = 'worker lost the task on its last attempt',
           error_category = 'worker_lost',
           completed_at   = now(),
           updated_at     = now(),
           lease_until    = null,
           event_seq      = event_seq + 1
     where id in (select id
                    from task
                   where queue = :#queue
                     and status = 'running'
                     and provider_request is null
                     and lease_until < now()
                     and attempt >= max_attempts
                   for update skip locked)
    returning *)
insert into task_event (task_id, seq, payload)
select id, event_seq, task_event_payload(to_jsonb(failed)) from failed
