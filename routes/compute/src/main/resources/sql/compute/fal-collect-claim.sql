-- One collector per result: a webhook (and its re-deliveries) and the poller race for it; the winner holds
-- collecting_until. A request id is adopted only by a task whose submit answer was lost.
update task
   set provider_request = provider_request || jsonb_build_object(
           'request_id', coalesce(provider_request ->> 'request_id', cast(:#requestId as text)),
           'state', 'collecting',
           'collecting_until', now() + make_interval(secs => :#leaseSeconds)),
       updated_at = now()
 where id = cast(:#taskId as uuid)
   and status = 'running'
   and provider_request is not null
   and (provider_request ->> 'request_id' = cast(:#requestId as text)
        or (provider_request ->> 'request_id' is null and provider_request ->> 'state' in ('submitting', 'unknown')))
   and coalesce((provider_request ->> 'collecting_until')::timestamptz, '-infinity') < now()
returning id::text as id, task_type, params::text as params, attempt, max_attempts
