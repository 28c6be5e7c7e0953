-- Committed before the worker lets go of the task: from here on, retries resume this request. A webhook
-- that already adopted the request (collecting) is not overwritten. Saved on a task cancelled while its submit
-- was on the wire too, so that fal.cancel-cancelled can cancel the request at fal.
update task
   set provider_request = cast(:#providerRequest as jsonb),
       next_poll_at     = now() + make_interval(secs => :#pollSeconds),
       updated_at       = now()
 where id = cast(:#taskId as uuid) and status in ('running', 'cancelled')
   and (provider_request is null or provider_request ->> 'state' in ('submitting', 'unknown'))
