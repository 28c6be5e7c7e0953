-- The enrichment job (MEDIA_ENRICH): a JPEG thumbnail of each new image (media/{id}/thumb.jpg), null until it ran.
alter table media_resource add column thumbnail_key text;

alter table backend_job drop constraint backend_job_kind_check;
alter table backend_job add constraint backend_job_kind_check check (kind in ('EXPORT_SHOOTING', 'TEMP_CLEANUP', 'MEDIA_ENRICH'));
