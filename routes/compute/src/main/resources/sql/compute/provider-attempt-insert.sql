insert into provider_attempt (task_id, task_attempt, provider, model, operation, outcome, http_status, calls, duration_ms, error,
                              input_tokens, output_tokens)
values (cast(:#taskId as uuid), :#taskAttempt, :#provider, :#model, :#operation, :#outcome, :#httpStatus, :#calls, :#durationMs, :#error,
        :#inputTokens, :#outputTokens)
