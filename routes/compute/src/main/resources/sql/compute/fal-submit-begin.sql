-- Written before the submit POST leaves: if we die before recording fal's answer, the task is not claimed
-- again and submitted twice; the poller finds this marker after :waitSeconds and applies the ambiguous-submit policy.
update task
   set provider_request = cast(:#marker as jsonb),
       next_poll_at     = now() + make_interval(secs => :#waitSeconds),
       updated_at       = now()
 where id = cast(:#taskId as uuid) and status = 'running' and provider_request is null
