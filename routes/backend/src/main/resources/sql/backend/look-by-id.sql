-- One look whose shooting the caller may see, with its shots.
select l.id::text as id, l.shooting_id::text as shooting_id, l.name, l.main_product_id::text as main_product_id,
       l.subject_id::text as subject_id, l.style_id::text as style_id, l.shot_type_ids::text as shot_type_ids,
       l.resolution_preset_id::text as resolution_preset_id, l.width, l.height, l.background_preset_id::text as background_preset_id,
       l.file_format, l.outfit_id::text as outfit_id, l.created_at, l.updated_at,
       (select coalesce(json_agg(json_build_object('id', sh.id, 'shot_type_id', sh.shot_type_id) order by sh.created_at, sh.id), '[]')
          from shot sh where sh.look_id = l.id)::text as shots
  from shooting_look l
  join shooting s on s.id = l.shooting_id
 where l.id = cast(:#id as uuid)
   and (s.organization_id is null and s.owner_id = cast(:#userId as uuid)
       or s.organization_id in (select organization_id from organization_member where user_id = cast(:#userId as uuid))
       or :#superuser)
