-- Running workflows with a node whose task ended unrecorded, or with nothing queued (an advance that never ran).
select w.id::text as workflow_id
  from workflow w
 where w.status = 'running'
   and (exists (select 1 from workflow_node n join task t on t.id = n.task_id
                 where n.workflow_id = w.id and n.status = 'queued' and t.status in ('completed', 'failed', 'cancelled'))
        or not exists (select 1 from workflow_node n where n.workflow_id = w.id and n.status = 'queued'))
 order by w.updated_at
 limit :#limit
