-- Subjects of the caller's space whose name or surname contains the text (subject_search_idx).
select t.*
  from subject t
 where (cast(:#organizationId as uuid) is null and t.organization_id is null and t.owner_id = cast(:#userId as uuid)
        or t.organization_id = cast(:#organizationId as uuid))
   and lower(t.name || ' ' || coalesce(t.surname, '')) like :#pattern escape '\'
 order by t.created_at desc, t.id desc
 limit :#limit
