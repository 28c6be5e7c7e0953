-- Every revision of a shot (visibility checked by the caller route), newest first, with its images.
select r.id::text as revision_id, r.version, r.status, r.notes, r.reviewed_at, r.created_at as revision_created_at,
       r.updated_at as revision_updated_at,
       (select coalesce(json_agg(json_build_object('id', i.id, 'url', i.url, 'source', i.source, 'prediction_id', i.prediction_id,
                                                   'media_resource_id', i.media_resource_id, 'position', i.position, 'created_at', i.created_at)
                                 order by i.position), '[]')
          from shot_image i where i.revision_id = r.id)::text as images
  from shot_revision r
 where r.shot_id = cast(:#id as uuid)
 order by r.version desc
