-- Progress is an event only when it moves.
with moved as (
    update task
       set progress   = :#progress,
           updated_at = now(),
           event_seq  = event_seq + 1
     where id = cast(:#taskId as uuid) and status = 'running' and progress <> :#progress
    returning *)
insert into task_event (task_id, seq, payload)
select id, event_seq, task_event_payload(to_jsonb(moved)) from moved
