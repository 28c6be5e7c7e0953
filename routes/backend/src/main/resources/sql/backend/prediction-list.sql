-- A page of the scope's predictions (through their generations), newest generation first, with optional filters.
with matches as (
    select p.*, g.created_at as generation_created_at
      from prediction p
      join generation g on g.id = p.generation_id
     where (cast(:#organizationId as uuid) is not null and g.organization_id = cast(:#organizationId as uuid)
            or cast(:#organizationId as uuid) is null and g.organization_id is null and g.owner_id = cast(:#userId as uuid))
       and (cast(:#generationId as uuid) is null or p.generation_id = cast(:#generationId as uuid))
       and (cast(:#shotId as uuid) is null or g.shot_id = cast(:#shotId as uuid))
       and (cast(:#status as text) is null or p.status = cast(:#status as text))
       and (cast(:#selected as boolean) is null or p.selected = cast(:#selected as boolean)))
select c.total as total_count_, m.*
  from (select count(*) as total from matches) c
  left join lateral (select * from matches order by generation_created_at desc, generation_id, seed, id limit :#limit offset :#skip) m on true
