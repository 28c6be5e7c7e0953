insert into worker (id, host, roles, queues)
values (:#workerId, :#host, :#roles, cast(:#queues as jsonb))
on conflict (id) do update set heartbeat_at = now(), queues = excluded.queues, stopping = :#stopping
