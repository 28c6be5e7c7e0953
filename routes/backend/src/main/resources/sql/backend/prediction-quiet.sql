-- Open predictions whose task has been quiet for the configured age (oldest first): the reconciliation job
-- asks compute about them (their task or workflow). Those never submitted (the backend stopped between writing and submitting) come too.
select p.id::text as id, p.seed, p.generation_id::text as generation_id, p.compute_task_id::text as task_id,
       p.compute_workflow_id::text as workflow_id
  from prediction p
  join generation g on g.id = p.generation_id
 where p.status in ('pending', 'generating')
   and g.cancelled_at is null
   and coalesce(p.event_at, p.created_at) < now() - make_interval(secs => :#ageSeconds)
 order by coalesce(p.event_at, p.created_at)
 limit :#limit
