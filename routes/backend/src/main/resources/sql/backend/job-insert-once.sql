-- A scheduled job, unless one of its kind is still waiting or running (a slow run is not piled onto).
insert into backend_job (id, kind, params, max_attempts)
select cast(:#id as uuid), :#kind, cast(:#params as jsonb), :#maxAttempts
 where not exists (select 1 from backend_job where kind = :#kind and status in ('pending', 'running'))
