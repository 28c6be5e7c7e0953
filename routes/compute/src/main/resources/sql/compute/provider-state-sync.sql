-- This instance's view since its last report: totals add up across instances, the rest is the latest report.
insert into provider_state (name, protocol, circuit_state, in_flight, concurrency_limit, calls_total, errors_total,
                            recent_error_rate, last_error, last_error_at, last_success_at, reported_by, updated_at)
values (:#name, :#protocol, :#circuitState, :#inFlight, :#limit, :#calls, :#errors, :#errorRate, :#lastError,
        cast(:#lastErrorAt as timestamptz), cast(:#lastSuccessAt as timestamptz), :#instance, now())
on conflict (name) do update
   set protocol          = excluded.protocol,
       circuit_state     = excluded.circuit_state,
       in_flight         = excluded.in_flight,
       concurrency_limit = excluded.concurrency_limit,
       calls_total       = provider_state.calls_total + excluded.calls_total,
       errors_total      = provider_state.errors_total + excluded.errors_total,
       recent_error_rate = excluded.recent_error_rate,
       last_error        = coalesce(excluded.last_error, provider_state.last_error),
       last_error_at     = coalesce(excluded.last_error_at, provider_state.last_error_at),
       last_success_at   = coalesce(excluded.last_success_at, provider_state.last_success_at),
       reported_by       = excluded.reported_by,
       updated_at        = now()
returning paused
