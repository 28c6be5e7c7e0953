-- What a generation for a shot is built from: the look's product, subject, style, shot type, background and size.
select sh.id::text as shot_id, s.organization_id::text as organization_id, sh.shot_type_id::text as shot_type_id, st.name as shot_type_name, st.framing, st.view_angle,
       l.main_product_id::text as product_id, p.name as product_name, p.description as product_description,
       l.subject_id::text as subject_id, sj.name as subject_name, sj.description as subject_description,
       l.style_id::text as style_id, sy.name as style_name, sy.prompt as style_prompt,
       bp.name as background_name, bp.prompt as background_prompt,
       coalesce(l.width, rp.width) as width, coalesce(l.height, rp.height) as height,
       o.instruction as outfit_instruction
  from shot sh
  join shooting s on s.id = sh.shooting_id
  join shooting_look l on l.id = sh.look_id
  join shot_type st on st.id = sh.shot_type_id
  left join product p on p.id = l.main_product_id
  left join subject sj on sj.id = l.subject_id
  left join style sy on sy.id = l.style_id
  left join background_preset bp on bp.id = l.background_preset_id
  left join resolution_preset rp on rp.id = l.resolution_preset_id
  left join outfit o on o.id = l.outfit_id
 where sh.id = cast(:#id as uuid)
   and (s.organization_id is null and s.owner_id = cast(:#userId as uuid)
       or s.organization_id in (select organization_id from organization_member where user_id = cast(:#userId as uuid))
       or :#superuser)
