-- Which ids a request names that the caller may not see (or that do not exist): one row per bad field.
-- Tables and their visibility are fixed here; catalog rows published by superusers (public) are visible too.
select r.field, r.tbl
  from json_to_recordset(cast(:#refs as json)) as r(field text, tbl text, id uuid)
 where not case r.tbl
     when 'product' then exists (select 1 from product s where s.id = r.id and (s.organization_id is null and s.owner_id = cast(:#userId as uuid)
       or s.organization_id in (select organization_id from organization_member where user_id = cast(:#userId as uuid))
       or :#superuser))
     when 'subject' then exists (select 1 from subject s where s.id = r.id and ((s.organization_id is null and s.owner_id = cast(:#userId as uuid)
       or s.organization_id in (select organization_id from organization_member where user_id = cast(:#userId as uuid))
       or :#superuser) or s.public))
     when 'style' then exists (select 1 from style s where s.id = r.id and ((s.organization_id is null and s.owner_id = cast(:#userId as uuid)
       or s.organization_id in (select organization_id from organization_member where user_id = cast(:#userId as uuid))
       or :#superuser) or s.public))
     when 'shot_type' then exists (select 1 from shot_type s where s.id = r.id and ((s.organization_id is null and s.owner_id = cast(:#userId as uuid)
       or s.organization_id in (select organization_id from organization_member where user_id = cast(:#userId as uuid))
       or :#superuser) or s.public))
     when 'resolution_preset' then exists (select 1 from resolution_preset s where s.id = r.id and ((s.organization_id is null and s.owner_id = cast(:#userId as uuid)
       or s.organization_id in (select organization_id from organization_member where user_id = cast(:#userId as uuid))
       or :#superuser) or s.public))
     when 'background_preset' then exists (select 1 from background_preset s where s.id = r.id and ((s.organization_id is null and s.owner_id = cast(:#userId as uuid)
       or s.organization_id in (select organization_id from organization_member where user_id = cast(:#userId as uuid))
       or :#superuser) or s.public))
     when 'guideline' then exists (select 1 from guideline s where s.id = r.id and (s.organization_id is null and s.owner_id = cast(:#userId as uuid)
       or s.organization_id in (select organization_id from organization_member where user_id = cast(:#userId as uuid))
       or :#superuser))
     when 'outfit' then exists (select 1 from outfit s where s.id = r.id and (s.organization_id is null and s.owner_id = cast(:#userId as uuid)
       or s.organization_id in (select organization_id from organization_member where user_id = cast(:#userId as uuid))
       or :#superuser))
     when 'shooting' then exists (select 1 from shooting s where s.id = r.id and (s.organization_id is null and s.owner_id = cast(:#userId as uuid)
       or s.organization_id in (select organization_id from organization_member where user_id = cast(:#userId as uuid))
       or :#superuser))
     else false
   end
