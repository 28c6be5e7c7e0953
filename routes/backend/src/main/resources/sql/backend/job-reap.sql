-- Jobs whose worker died (lease expired): back to pending while attempts remain, else failed.
with lost as (
    select id from backend_job
     where status = 'running' and lease_until < now()
     for update skip locked
     limit :#limit)
update backend_job j
   set status        = case when j.attempt < j.max_attempts then 'pending' else 'failed' end,
       available_at  = now(),
       error_message = case when j.attempt < j.max_attempts then 'worker lost the job; requeued'
                            else 'worker lost the job on its last attempt' end,
       completed_at  = case when j.attempt < j.max_attempts then null else now() end,
       lease_until   = null,
       worker_id     = null,
       updated_at    = now()
  from lost
 where j.id = lost.id
returning j.id::text as id, j.status
