-- Claims up to :limit due tasks of one queue for this worker, highest priority first, oldest first.
-- Tasks whose worker died are not taken over here: the reaper (beat) decides whether they may run again.
with claimed as (
    update task
       set status        = 'running',
           attempt       = attempt + 1,
           worker_id     = :#workerId,
           lease_until   = now() + make_interval(secs => :#leaseSeconds),
           dispatched_at = null,
           started_at    = coalesce(started_at, now()),
           updated_at    = now(),
           event_seq     = event_seq + 1
     where id in (select id
                    from task
                   where queue = :#queue
                     and status = 'pending'
                     and available_at <= now()
                   order by priority desc, available_at
                   for update skip locked
                   limit :#limit)
    returning *),
event as (
    insert into task_event (task_id, seq, payload)
    select id, event_seq, task_event_payload(to_jsonb(claimed)) from claimed)
select id::text as id, task_type, params::text as params, attempt, max_attempts from claimed
