-- GET /workflows/: one page, newest first, with the optional filters.
select id::text as id, name, template, status, progress, origin_instance, metadata::text as metadata,
       created_at, started_at, completed_at
  from workflow
 where (cast(:#status as text) is null or status = cast(:#status as text))
   and (cast(:#template as text) is null or template = cast(:#template as text))
   and (cast(:#originInstance as text) is null or origin_instance = cast(:#originInstance as text))
 order by created_at desc, id
 limit :#pageSize offset :#offset
