-- Collecting failed: let the next webhook delivery or poll try again.
update task
   set provider_request = (provider_request - 'collecting_until') || jsonb_build_object('state', 'submitted'),
       updated_at       = now()
 where id = cast(:#taskId as uuid) and status = 'running' and provider_request is not null
