-- Committed before the worker lets go of the task: from here on, retries resume this request. Saved on a task
-- cancelled while its submit was on the wire too, so that fal.cancel-cancelled can cancel the request at fal.
-- A webhook can adopt the request before this answer is saved (fal was quicker than we were): its state (collecting,
-- or submitted again after a failed collect) stays, and fal's status/response/cancel URLs are added to it, so a
-- poll can still finish the task if that collector dies.
update task
   set provider_request = case
           when provider_request is null or provider_request ->> 'state' in ('submitting', 'unknown') then cast(:#providerRequest as jsonb)
           else provider_request || (cast(:#providerRequest as jsonb) - 'state')
       end,
       next_poll_at     = case
           when provider_request is null or provider_request ->> 'state' in ('submitting', 'unknown')
               then now() + make_interval(secs => :#pollSeconds)
           else next_poll_at
       end,
       updated_at       = now()
 where id = cast(:#taskId as uuid) and status in ('running', 'cancelled')
   and (provider_request is null or provider_request ->> 'state' in ('submitting', 'unknown')
        or (provider_request ->> 'status_url' is null
            and provider_request ->> 'request_id' = cast(:#providerRequest as jsonb) ->> 'request_id'))
