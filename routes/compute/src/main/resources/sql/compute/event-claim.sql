-- Due events, only the oldest undelivered one per task so each task's events arrive in order.
-- Claiming pushes next_attempt_at forward: a relay that dies mid-delivery hands the event on.
update task_event
   set next_attempt_at = now() + make_interval(secs => :#leaseSeconds),
       attempts        = attempts + 1
 where id in (select e.id
                from task_event e
               where e.delivered_at is null
                 and e.next_attempt_at <= now()
                 and not exists (select 1
                                   from task_event earlier
                                  where earlier.task_id = e.task_id
                                    and earlier.delivered_at is null
                                    and earlier.seq < e.seq)
               order by e.id
               for update skip locked
               limit :#limit)
returning id, task_id::text as task_id, seq, payload::text as payload, attempts, published_at is not null as published,
          (select webhook_url from task where task.id = task_event.task_id) as webhook_url
