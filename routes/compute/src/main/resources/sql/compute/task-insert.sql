-- Creates a task and its first event; a repeated Idempotency-Key returns the task made the first time.
with created as (
    insert into task (id, task_type, queue, params, max_attempts, webhook_url, entity_id, origin_instance,
                      origin_zone, origin_version, origin_tenant_id, metadata, idempotency_key, event_seq,
                      priority, time_limit_seconds, provider_type)
    values (cast(:#id as uuid), :#taskType, :#queue, cast(:#params as jsonb), :#maxAttempts, :#webhookUrl, :#entityId,
            :#originInstance, :#originZone, :#originVersion, :#originTenantId, cast(:#metadata as jsonb),
            :#idempotencyKey, 1, :#priority, :#timeLimitSeconds, :#providerType)
    on conflict (idempotency_key) do nothing
    returning *),
event as (
    insert into task_event (task_id, seq, payload)
    select id, event_seq, task_event_payload(to_jsonb(created)) from created)
select created.*, true as created from created
union all
select task.*, false as created from task
where idempotency_key = :#idempotencyKey and not exists (select 1 from created)
