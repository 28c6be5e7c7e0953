select name, protocol, paused, paused_reason, paused_at, circuit_state, in_flight, concurrency_limit, calls_total,
       errors_total, recent_error_rate, last_error, last_error_at, last_success_at, reported_by, updated_at
  from provider_state
 order by name
