-- Committed before the worker lets go of the task: from here on, retries resume this request.
update task
   set provider_request = cast(:#providerRequest as jsonb),
       next_poll_at     = now() + make_interval(secs => :#pollSeconds),
       updated_at       = now()
 where id = cast(:#taskId as uuid) and status = 'running'
