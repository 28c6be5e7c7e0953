-- A task's history: every status change (the outbox), with its delivery state.
select seq, payload::text as payload, created_at, delivered_at, attempts, abandoned, last_error
  from task_event
 where task_id = cast(:#task_id as uuid)
 order by seq
