-- The review gallery of one shooting (visibility checked by the caller route): every shot, look by look,
-- with its current revision's status and images.
select sh.id::text as id, sh.shooting_id::text as shooting_id, sh.look_id::text as look_id, sh.shot_type_id::text as shot_type_id,
       st.name as shot_type_name, sh.created_at, sh.updated_at,
       r.id::text as revision_id, r.version, r.status, r.notes, r.reviewed_at, r.created_at as revision_created_at, r.updated_at as revision_updated_at,
       (select coalesce(json_agg(json_build_object('id', i.id, 'url', i.url, 'source', i.source, 'prediction_id', i.prediction_id,
                                                   'media_resource_id', i.media_resource_id, 'position', i.position, 'created_at', i.created_at)
                                 order by i.position), '[]')
          from shot_image i where i.revision_id = r.id)::text as images,
       l.name as look_name
  from shot sh
  join shooting_look l on l.id = sh.look_id
  join shot_type st on st.id = sh.shot_type_id
  join lateral (select * from shot_revision r where r.shot_id = sh.id order by r.version desc limit 1) r on true
 where sh.shooting_id = cast(:#shootingId as uuid)
   and (cast(:#status as text) is null or r.status = cast(:#status as text))
 order by l.created_at, l.id, sh.created_at, sh.id
