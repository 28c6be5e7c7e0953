-- One shot whose shooting the caller may see, with its current (highest) revision and that revision's images.
select sh.id::text as id, sh.shooting_id::text as shooting_id, sh.look_id::text as look_id, sh.shot_type_id::text as shot_type_id,
       st.name as shot_type_name, sh.created_at, sh.updated_at,
       r.id::text as revision_id, r.version, r.status, r.notes, r.reviewed_at, r.created_at as revision_created_at, r.updated_at as revision_updated_at,
       (select coalesce(json_agg(json_build_object('id', i.id, 'url', i.url, 'source', i.source, 'prediction_id', i.prediction_id,
                                                   'media_resource_id', i.media_resource_id, 'position', i.position, 'created_at', i.created_at)
                                 order by i.position), '[]')
          from shot_image i where i.revision_id = r.id)::text as images
  from shot sh
  join shooting s on s.id = sh.shooting_id
  join shot_type st on st.id = sh.shot_type_id
  join lateral (select * from shot_revision r where r.shot_id = sh.id order by r.version desc limit 1) r on true
 where sh.id = cast(:#id as uuid)
   and (s.organization_id is null and s.owner_id = cast(:#userId as uuid)
       or s.organization_id in (select organization_id from organization_member where user_id = cast(:#userId as uuid))
       or :#superuser)
