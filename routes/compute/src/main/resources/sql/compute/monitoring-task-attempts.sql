-- A task's job history: every provider call (LLM answers, fal submit/status/result/cancel/run), oldest first.
select task_attempt, provider, model, operation, outcome, http_status, calls, duration_ms, error, input_tokens, output_tokens, created_at
  from provider_attempt
 where task_id = cast(:#task_id as uuid)
 order by id
