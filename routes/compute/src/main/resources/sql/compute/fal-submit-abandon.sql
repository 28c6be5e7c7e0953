-- The submit provably did not create a fal request (refused, rejected, not sent): forget the marker so a
-- later attempt may submit.
update task
   set provider_request = null,
       next_poll_at     = null,
       updated_at       = now()
 where id = cast(:#taskId as uuid) and provider_request ->> 'state' = 'submitting'
