-- A page of the scope's refines, newest first, optionally of one source prediction.
with matches as (
    select r.id, r.source_prediction_id, r.generation_id, r.scale_factor, r.organization_id, r.created_at,
           g.status, g.progress, g.error_message, g.updated_at, g.completed_at, p.result_image_url, p.width, p.height
      from refine r
      join generation g on g.id = r.generation_id
      left join prediction p on p.generation_id = g.id
     where (cast(:#organizationId as uuid) is not null and r.organization_id = cast(:#organizationId as uuid)
            or cast(:#organizationId as uuid) is null and r.organization_id is null and r.owner_id = cast(:#userId as uuid))
       and (cast(:#predictionId as uuid) is null or r.source_prediction_id = cast(:#predictionId as uuid)))
select c.total as total_count_, m.*
  from (select count(*) as total from matches) c
  left join lateral (select * from matches order by created_at desc, id desc limit :#limit offset :#skip) m on true
