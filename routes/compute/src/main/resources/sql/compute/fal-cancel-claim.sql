-- Cancelled tasks whose fal request may still run: the API only marks a task cancelled (the api role may run
-- where no fal route does); the fal role sends fal's cancel and gives the slot back. Marking the request
-- claims it for one instance. A submit answer saved after the cancel replaces the mark, so it is swept again.
update task
   set provider_request = provider_request || jsonb_build_object('cancel_sent_at', now())
 where id in (select id
                from task
               where status = 'cancelled'
                 and queue in ('fal', 'fal-training')
                 and provider_request is not null
                 and provider_request -> 'cancel_sent_at' is null
               for update skip locked
               limit :#limit)
returning id::text as id
