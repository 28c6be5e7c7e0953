update backend_job
   set status = 'failed', error_message = :#errorMessage, completed_at = now(), lease_until = null, updated_at = now()
 where id = cast(:#jobId as uuid) and status = 'running' and worker_id = :#workerId
