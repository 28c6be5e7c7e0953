-- The images an export packs: those of every shot whose current revision is APPROVED, look by look.
select l.id::text as look_id, l.name as look_name, l.file_format,
       (select count(*) from shooting_look l2 where l2.shooting_id = l.shooting_id
           and (l2.created_at, l2.id) <= (l.created_at, l.id)) as look_number,
       st.name as shot_type_name, r.version, i.id::text as image_id, i.position, i.url, i.storage_key
  from shot sh
  join shooting_look l on l.id = sh.look_id
  join shot_type st on st.id = sh.shot_type_id
  join lateral (select * from shot_revision r where r.shot_id = sh.id order by r.version desc limit 1) r on true
  join shot_image i on i.revision_id = r.id
 where sh.shooting_id = cast(:#shootingId as uuid)
   and r.status = 'APPROVED'
 order by l.created_at, l.id, sh.created_at, sh.id, i.position
