-- Cancels a task that has not finished; a running task's worker sees the status at its next step
-- (dispatch, completion and provider polling all require status 'running').
with cancelled as (
    update task
       set status        = 'cancelled',
           cancelled_at  = now(),
           completed_at  = now(),
           updated_at    = now(),
           lease_until   = null,
           next_poll_at  = null,
           event_seq     = event_seq + 1
     where id = cast(:#task_id as uuid) and status in ('pending', 'running')
    returning *),
event as (
    insert into task_event (task_id, seq, payload)
    select id, event_seq, task_event_payload(to_jsonb(cancelled)) from cancelled)
select cancelled.*, true as changed from cancelled
union all
select task.*, false as changed from task
 where id = cast(:#task_id as uuid) and not exists (select 1 from cancelled)
