-- What the enrichment job measured fills only what nobody has set (PATCH /media-resources fills the same way).
update media_resource
   set width          = coalesce(width, :#width),
       height         = coalesce(height, :#height),
       dominant_color = coalesce(dominant_color, :#dominantColor),
       thumbnail_key  = :#thumbnailKey,
       updated_at     = now()
 where id = cast(:#mediaId as uuid)
