-- Extends the leases of the tasks this worker is still working on (not those handed over to a provider:
-- their next_poll_at is the poller's own lease).
update task
   set lease_until = now() + make_interval(secs => :#leaseSeconds)
 where worker_id = :#workerId
   and queue = :#queue
   and status = 'running'
   and provider_request is null
