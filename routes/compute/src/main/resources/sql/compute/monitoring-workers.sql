select id, host, roles, queues::text as queues, started_at, heartbeat_at, stopping,
       heartbeat_at > now() - make_interval(secs => :#staleSeconds) as alive
  from worker
 order by started_at
