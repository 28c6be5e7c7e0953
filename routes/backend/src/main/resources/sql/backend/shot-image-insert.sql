-- An image added to the shot's current revision (not to an approved one): it goes last, and a PENDING
-- revision becomes IN_REVIEW. A prediction already on the revision is not added twice.
with current_rev as (
    select r.id, r.status from shot_revision r
     where r.shot_id = cast(:#shotId as uuid)
     order by r.version desc limit 1
     for update),
image as (
    insert into shot_image (id, revision_id, shot_id, source, url, storage_key, media_resource_id, prediction_id, position)
    select cast(:#id as uuid), c.id, cast(:#shotId as uuid), :#source, :#url, :#storageKey, cast(:#mediaResourceId as uuid),
           cast(:#predictionId as uuid),
           coalesce((select max(position) + 1 from shot_image where revision_id = c.id), 0)
      from current_rev c
     where c.status <> 'APPROVED'
    on conflict (revision_id, prediction_id) where prediction_id is not null do nothing
    returning revision_id),
reviewed as (
    update shot_revision r set status = 'IN_REVIEW', updated_at = now()
      from image where r.id = image.revision_id and r.status = 'PENDING')
select (select count(*) from image) as added, (select status from current_rev) as status
