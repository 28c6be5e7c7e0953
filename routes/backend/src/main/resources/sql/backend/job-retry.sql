update backend_job
   set status = 'pending', error_message = :#errorMessage, available_at = now() + make_interval(secs => :#delaySeconds),
       lease_until = null, worker_id = null, updated_at = now()
 where id = cast(:#jobId as uuid) and status = 'running' and worker_id = :#workerId
