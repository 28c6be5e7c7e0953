-- Enrichment fills only what is still empty; a resource is visible to whoever uploaded it or may see
-- an entity it is attached to (the tenancy predicate, applied to the attachment's owner/organization).
update media_resource r
   set color_profile  = coalesce(r.color_profile, cast(:#colorProfile as text)),
       duration       = coalesce(r.duration, cast(:#duration as double precision)),
       dominant_color = coalesce(r.dominant_color, cast(:#dominantColor as text)),
       width          = coalesce(r.width, cast(:#width as int)),
       height         = coalesce(r.height, cast(:#height as int)),
       alt_text       = coalesce(r.alt_text, cast(:#altText as text)),
       caption        = coalesce(r.caption, cast(:#caption as text)),
       updated_at     = now()
 where r.id = cast(:#id as uuid)
   and (:#superuser
        or r.created_by = cast(:#userId as uuid)
        or exists (select 1 from media_resource_attachment a
                    where a.media_resource_id = r.id
                      and (a.organization_id is null and a.owner_id = cast(:#userId as uuid)
                           or a.organization_id in (select organization_id from organization_member
                                                     where user_id = cast(:#userId as uuid)))))
returning r.*
