-- Claims up to :limit due jobs for this worker, oldest first; rows other workers hold are skipped.
update backend_job
   set status      = 'running',
       attempt     = attempt + 1,
       worker_id   = :#workerId,
       lease_until = now() + make_interval(secs => :#leaseSeconds),
       started_at  = coalesce(started_at, now()),
       updated_at  = now()
 where id in (select id from backend_job
               where status = 'pending' and available_at <= now()
               order by available_at
               for update skip locked
               limit :#limit)
returning id::text as id, kind, params::text as params, attempt, max_attempts
