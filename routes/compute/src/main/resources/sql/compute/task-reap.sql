-- The reaper (beat), one statement so each task gets exactly one verdict per pass:
--  * lease expired, never handed to its handler, or its queue repeats in-doubt attempts → back to pending
--    while attempts remain, else failed (worker_lost);
--  * lease expired after it was handed to a paid handler and no provider request was recorded: in doubt;
--    after :#inDoubtGraceSeconds (time for a provider webhook to adopt the request) failed, never re-sent;
--  * running longer than its time limit → failed (timeout), wherever it is.
with verdict as (
    select id,
           case
               when time_limit_seconds is not null and started_at + make_interval(secs => time_limit_seconds) < now()
                   then 'timeout'
               when provider_request is not null or lease_until >= now()
                   then null
               when dispatched_at is null or queue = any (string_to_array(:#requeueInDoubt, ','))
                   then case when attempt < max_attempts then 'requeue' else 'lost' end
               when lease_until < now() - make_interval(secs => :#inDoubtGraceSeconds)
                   then 'in_doubt'
           end as action
      from task
     where status = 'running'
       and (lease_until < now()
         or (time_limit_seconds is not null and started_at + make_interval(secs => time_limit_seconds) < now()))
     for update skip locked
     limit :#limit),
changed as (
    update task t
       set status         = case when v.action = 'requeue' then 'pending' else 'failed' end,
           available_at   = case when v.action = 'requeue' then now() else t.available_at end,
           error_message  = case v.action
                                when 'requeue' then 'worker lost the task; requeued'
                                when 'lost' then 'worker lost the task on its last attempt'
                                when 'in_doubt' then 'worker lost the task while calling the provider; not re-sent (a second paid call)'
                                else 'exceeded its time limit of ' || t.time_limit_seconds || ' s' end,
           error_category = case when v.action = 'timeout' then 'timeout' when v.action = 'requeue' then t.error_category else 'worker_lost' end,
           completed_at   = case when v.action = 'requeue' then null else now() end,
           retries        = t.retries + case when v.action = 'requeue' then 1 else 0 end,
           worker_id      = null,
           lease_until    = null,
           next_poll_at   = null,
           dispatched_at  = null,
           updated_at     = now(),
           event_seq      = t.event_seq + 1
      from verdict v
     where t.id = v.id and v.action is not null
    returning t.*, v.action),
event as (
    insert into task_event (task_id, seq, payload)
    select id, event_seq, task_event_payload(to_jsonb(changed) - 'action') from changed)
select action, count(*)::int as tasks from changed group by action
