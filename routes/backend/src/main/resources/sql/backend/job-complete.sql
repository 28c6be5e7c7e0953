-- Only the worker still holding the job completes it (a reaped job belongs to its next attempt).
update backend_job
   set status = 'completed', result = cast(:#result as jsonb), error_message = null, completed_at = now(), updated_at = now(),
       lease_until = null
 where id = cast(:#jobId as uuid) and status = 'running' and worker_id = :#workerId
