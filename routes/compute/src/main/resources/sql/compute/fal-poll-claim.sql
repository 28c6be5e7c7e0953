-- Submitted requests due for a status check; next_poll_at doubles as the checker's lease.
update task
   set next_poll_at = now() + make_interval(secs => :#leaseSeconds)
 where id in (select id
                from task
               where status = 'running'
                 and queue in ('fal', 'fal-training')
                 and provider_request is not null
                 and next_poll_at <= now()
               order by next_poll_at
               for update skip locked
               limit :#limit)
returning id::text as id, task_type, provider_request::text as provider_request, progress, params::text as params,
          attempt, max_attempts, extract(epoch from now() - started_at)::bigint as running_seconds
