-- Committed right before a worker hands the task to its handler. No row back: the task is no longer this
-- worker's (cancelled, released at shutdown, or taken back after a lost lease) and must not run here.
update task
   set dispatched_at = now()
 where id = cast(:#taskId as uuid) and worker_id = :#workerId and status = 'running'
returning id::text as id
