select count(*)::bigint                                                                       as total,
       count(*) filter (where status = 'pending')::bigint                                     as pending,
       count(*) filter (where status = 'running')::bigint                                     as running,
       count(*) filter (where status = 'completed')::bigint                                   as completed,
       count(*) filter (where status = 'failed')::bigint                                      as failed,
       count(*) filter (where status = 'cancelled')::bigint                                   as cancelled,
       count(*) filter (where created_at > now() - interval '24 hours')::bigint               as created_24h,
       count(*) filter (where status = 'completed' and completed_at > now() - interval '24 hours')::bigint as completed_24h,
       count(*) filter (where status = 'failed' and completed_at > now() - interval '24 hours')::bigint    as failed_24h,
       coalesce(avg(extract(epoch from completed_at - started_at))
                filter (where status = 'completed' and completed_at > now() - interval '24 hours'), 0)::float8 as avg_duration_seconds_24h,
       coalesce(sum(retries), 0)::bigint                                                      as retries
  from task
