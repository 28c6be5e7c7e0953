-- Per queue: waiting (due and scheduled for later), running, age of the oldest due task, retries in the last 24 h.
select queue,
       count(*) filter (where status = 'pending')::int                                 as pending,
       count(*) filter (where status = 'pending' and available_at <= now())::int       as due,
       count(*) filter (where status = 'pending' and available_at > now())::int        as scheduled,
       count(*) filter (where status = 'running')::int                                 as running,
       coalesce(extract(epoch from now() - min(available_at) filter (where status = 'pending' and available_at <= now())), 0)::float8
                                                                                       as oldest_task_age_seconds,
       coalesce(sum(retries) filter (where updated_at > now() - interval '24 hours'), 0)::int as retries_24h
  from task
 where status in ('pending', 'running') or updated_at > now() - interval '24 hours'
 group by queue
