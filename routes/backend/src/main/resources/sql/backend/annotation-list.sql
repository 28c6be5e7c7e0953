-- The annotations of one shot (visibility checked by the caller route), oldest first.
select a.id::text as id, a.shot_id::text as shot_id, a.revision_id::text as revision_id, r.version, a.image_id::text as image_id,
       a.author_id::text as author_id, a.text, a.x, a.y, a.created_at
  from annotation a
  left join shot_revision r on r.id = a.revision_id
 where a.shot_id = cast(:#shotId as uuid)
   and (cast(:#annotationId as uuid) is null or a.id = cast(:#annotationId as uuid))
 order by a.created_at, a.id
