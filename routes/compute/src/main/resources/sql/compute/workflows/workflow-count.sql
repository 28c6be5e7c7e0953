select count(*) from workflow
 where (cast(:#status as text) is null or status = cast(:#status as text))
   and (cast(:#template as text) is null or template = cast(:#template as text))
   and (cast(:#originInstance as text) is null or origin_instance = cast(:#originInstance as text))
