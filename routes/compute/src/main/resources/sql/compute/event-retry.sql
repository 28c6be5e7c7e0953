-- Backs off a failed delivery; after the last attempt the event is abandoned (and logged by the relay)
-- so that it no longer holds back the task's later events.
update task_event
   set next_attempt_at = now() + make_interval(secs => :#delaySeconds),
       last_error      = :#error,
       abandoned       = attempts >= :#maxAttempts,
       delivered_at    = case when attempts >= :#maxAttempts then now() end
 where id = :#eventId
