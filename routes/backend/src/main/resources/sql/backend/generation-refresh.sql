-- A generation's status and progress follow its predictions; a cancelled one stays as cancel left it.
update generation g
   set status       = case when s.open > 0 then 'processing' when s.completed > 0 then 'completed' else 'failed' end,
       progress     = s.progress,
       error_message = case when s.open = 0 and s.completed = 0 then s.first_error end,
       completed_at = case when s.open = 0 then now() end,
       updated_at   = now()
  from (select generation_id,
               count(*) filter (where status in ('pending', 'generating')) as open,
               count(*) filter (where status = 'completed')                as completed,
               avg(progress)::int                                           as progress,
               min(error_message)                                           as first_error
          from prediction
         where generation_id = cast(:#generationId as uuid)
         group by generation_id) s
 where g.id = s.generation_id and g.cancelled_at is null
