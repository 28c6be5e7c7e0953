-- The submit's answer was lost: fal may or may not run it. Wait for a webhook naming the task.
update task
   set provider_request = provider_request || jsonb_build_object('state', 'unknown', 'error', cast(:#error as text)),
       next_poll_at     = now() + make_interval(secs => :#waitSeconds),
       updated_at       = now()
 where id = cast(:#taskId as uuid) and status = 'running' and provider_request ->> 'state' = 'submitting'
