update task
   set next_poll_at = now() + make_interval(secs => :#pollSeconds)
 where id = cast(:#taskId as uuid) and status = 'running'
