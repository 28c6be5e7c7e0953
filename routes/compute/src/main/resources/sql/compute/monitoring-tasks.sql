-- GET /monitoring/tasks: one page of tasks with the documented filters; the sort key is whitelisted
-- by the caller and applied through CASE so the statement stays parameterised.
select id::text as id, task_type, status, queue, provider_type, priority, attempt, max_attempts, retries, progress,
       entity_id, origin_instance, origin_zone, origin_version, origin_tenant_id, error_message, error_category,
       created_at, updated_at, started_at, completed_at,
       extract(epoch from coalesce(completed_at, now()) - started_at)::float8 as duration_seconds,
       (status = 'failed' or error_message is not null) as has_error
  from task
   where (cast(:#status as text) is null or status = cast(:#status as text))
     and (cast(:#taskType as text) is null or task_type = cast(:#taskType as text))
     and (cast(:#createdAfter as timestamptz) is null or created_at >= cast(:#createdAfter as timestamptz))
     and (cast(:#createdBefore as timestamptz) is null or created_at < cast(:#createdBefore as timestamptz))
     and (cast(:#originInstance as text) is null or origin_instance = cast(:#originInstance as text))
     and (cast(:#originTenantId as text) is null or origin_tenant_id = cast(:#originTenantId as text))
     and (cast(:#originZone as text) is null or origin_zone = cast(:#originZone as text))
     and (cast(:#providerType as text) is null or provider_type = cast(:#providerType as text))
     and (cast(:#search as text) is null or id::text like cast(:#search as text))
 order by case when :#sortKey = 'created_at:asc' then created_at end asc,
          case when :#sortKey = 'created_at:desc' then created_at end desc,
          case when :#sortKey = 'updated_at:asc' then updated_at end asc,
          case when :#sortKey = 'updated_at:desc' then updated_at end desc,
          case when :#sortKey = 'started_at:asc' then started_at end asc nulls last,
          case when :#sortKey = 'started_at:desc' then started_at end desc nulls last,
          case when :#sortKey = 'completed_at:asc' then completed_at end asc nulls last,
          case when :#sortKey = 'completed_at:desc' then completed_at end desc nulls last,
          case when :#sortKey = 'status:asc' then status end asc,
          case when :#sortKey = 'status:desc' then status end desc,
          case when :#sortKey = 'task_type:asc' then task_type end asc,
          case when :#sortKey = 'task_type:desc' then task_type end desc,
          case when :#sortKey = 'priority:asc' then priority end asc,
          case when :#sortKey = 'priority:desc' then priority end desc,
          case when :#sortKey = 'duration:asc' then coalesce(completed_at, now()) - started_at end asc nulls last,
          case when :#sortKey = 'duration:desc' then coalesce(completed_at, now()) - started_at end desc nulls last,
          created_at desc, id
 limit :#pageSize offset :#offset
