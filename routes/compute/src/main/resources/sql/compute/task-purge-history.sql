-- Finished tasks older than the retention, once all their events are delivered (events go with them).
delete from task
 where id in (select id
                from task
               where status in ('completed', 'failed', 'cancelled')
                 and completed_at < now() - make_interval(days => :#retentionDays)
                 and not exists (select 1 from task_event e where e.task_id = task.id and e.delivered_at is null)
               limit :#limit)
