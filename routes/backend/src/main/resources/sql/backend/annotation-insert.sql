-- A review note on a shot (its current revision unless one is named), optionally pinned to an image point.
-- The named revision and image must belong to the shot: otherwise nothing is written (added = 0).
insert into annotation (id, shot_id, revision_id, image_id, author_id, text, x, y)
select cast(:#id as uuid), sh.id,
       coalesce(cast(:#revisionId as uuid), (select r.id from shot_revision r where r.shot_id = sh.id order by r.version desc limit 1)),
       cast(:#imageId as uuid), cast(:#userId as uuid), :#text, :#x, :#y
  from shot sh
 where sh.id = cast(:#shotId as uuid)
   and (cast(:#revisionId as uuid) is null or exists (select 1 from shot_revision r where r.id = cast(:#revisionId as uuid) and r.shot_id = sh.id))
   and (cast(:#imageId as uuid) is null or exists (select 1 from shot_image i where i.id = cast(:#imageId as uuid) and i.shot_id = sh.id))
returning id::text as id
