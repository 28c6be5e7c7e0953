-- A page of the scope's generations (an organization's, or the caller's personal ones), newest first, with
-- optional filters; total_count_ is the count of all matches (a row of nulls when the page is empty).
with matches as (
    select t.*
      from generation t
     where (cast(:#organizationId as uuid) is not null and t.organization_id = cast(:#organizationId as uuid)
            or cast(:#organizationId as uuid) is null and t.organization_id is null and t.owner_id = cast(:#userId as uuid))
       and (cast(:#status as text) is null or t.status = cast(:#status as text))
       and (cast(:#shotId as uuid) is null or t.shot_id = cast(:#shotId as uuid))
       and (cast(:#subjectId as uuid) is null or t.subject_id = cast(:#subjectId as uuid))
       and (cast(:#productId as uuid) is null or t.product_id = cast(:#productId as uuid))
       and (cast(:#generationStrategy as text) is null or t.generation_strategy = cast(:#generationStrategy as text)))
select c.total as total_count_, p.*
  from (select count(*) as total from matches) c
  left join lateral (select * from matches order by created_at desc, id desc limit :#limit offset :#skip) p on true
