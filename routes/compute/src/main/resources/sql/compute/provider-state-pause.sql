insert into provider_state (name, protocol, paused, paused_reason, paused_at)
values (:#name, :#protocol, :#paused, :#reason, case when :#paused then now() end)
on conflict (name) do update
   set paused        = excluded.paused,
       paused_reason = excluded.paused_reason,
       paused_at     = excluded.paused_at,
       updated_at    = now()
