-- On shutdown: tasks this worker claimed but never handed to a handler go back to the queue at once,
-- as if never claimed (the attempt is given back). :#alsoDispatched lists queues whose in-progress
-- attempts may safely be repeated (comma-separated); those are released too.
with released as (
    update task
       set status        = 'pending',
           attempt       = case when dispatched_at is null then greatest(attempt - 1, 0) else attempt end,
           worker_id     = null,
           lease_until   = null,
           dispatched_at = null,
           available_at  = now(),
           updated_at    = now(),
           event_seq     = event_seq + 1
     where worker_id = :#workerId
       and status = 'running'
       and provider_request is null
       and (dispatched_at is null or queue = any (string_to_array(:#alsoDispatched, ',')))
    returning *),
event as (
    insert into task_event (task_id, seq, payload)
    select id, event_seq, task_event_payload(to_jsonb(released)) from released)
select count(*) from released
