-- The shooting with its looks, shots, revisions, images and annotations (cascade), and the media
-- attachments of its uploaded shot images (the media resources stay).
with images as (
    select i.id from shot_image i join shot sh on sh.id = i.shot_id
     where sh.shooting_id = cast(:#id as uuid)),
gone as (
    delete from shooting s
     where s.id = cast(:#id as uuid)
       and (s.organization_id is null and s.owner_id = cast(:#userId as uuid)
       or s.organization_id in (select organization_id from organization_member where user_id = cast(:#userId as uuid))
       or :#superuser)
    returning s.id)
delete from media_resource_attachment a
 using images, gone
 where a.entity_type = 'SHOT_IMAGE' and a.entity_id = images.id
