-- Running or paused workflows with a node whose task ended unrecorded, and running ones with nothing queued (an advance
-- that never ran).
select w.id::text as workflow_id
  from workflow w
 where w.status in ('running', 'paused')
   and (exists (select 1 from workflow_node n join task t on t.id = n.task_id
                 where n.workflow_id = w.id and n.status = 'queued' and t.status in ('completed', 'failed', 'cancelled'))
        or w.status = 'running' and not exists (select 1 from workflow_node n where n.workflow_id = w.id and n.status = 'queued'))
 order by w.updated_at
 limit :#limit
