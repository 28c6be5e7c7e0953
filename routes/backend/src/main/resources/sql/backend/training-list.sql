-- A page of the scope's trainings, newest first.
with matches as (
    select t.* from training t
     where (cast(:#organizationId as uuid) is not null and t.organization_id = cast(:#organizationId as uuid)
            or cast(:#organizationId as uuid) is null and t.organization_id is null and t.owner_id = cast(:#userId as uuid)))
select c.total as total_count_, m.*
  from (select count(*) as total from matches) c
  left join lateral (select * from matches order by created_at desc, id desc limit :#limit offset :#skip) m on true
