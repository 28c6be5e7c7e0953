-- Due events, only the oldest undelivered one per owner (a task, or a workflow) so each owner's events arrive in order.
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
                 and not exists (select 1
                                   from task_event earlier
                                  where earlier.workflow_id = e.workflow_id
                                    and earlier.delivered_at is null
                                    and earlier.seq < e.seq)
               order by e.id
               for update skip locked
               limit :#limit)
returning id, coalesce('task ' || task_id, 'workflow ' || workflow_id) as owner, seq, payload::text as payload, attempts,
          published_at is not null as published,
          coalesce((select webhook_url from task where task.id = task_event.task_id),
                   (select webhook_url from workflow where workflow.id = task_event.workflow_id)) as webhook_url
