-- The look with its shots (cascade) and the media attachments of their uploaded images.
with images as (
    select i.id from shot_image i join shot sh on sh.id = i.shot_id
     where sh.look_id = cast(:#id as uuid)),
gone as (
    delete from shooting_look where id = cast(:#id as uuid) returning id)
delete from media_resource_attachment a
 using images, gone
 where a.entity_type = 'SHOT_IMAGE' and a.entity_id = images.id
