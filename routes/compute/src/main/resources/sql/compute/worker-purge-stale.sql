delete from worker where heartbeat_at < now() - make_interval(secs => :#staleSeconds)
