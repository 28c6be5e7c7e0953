-- Tasks are the queue: workers claim rows with FOR UPDATE SKIP LOCKED and hold a lease.
create table task (
    id               uuid primary key,
    task_type        text        not null,
    queue            text        not null,
    status           text        not null default 'pending',
    priority         int         not null default 0,
    params           jsonb       not null,
    output           jsonb,
    progress         int         not null default 0,
    error_message    text,
    error_category   text,
    attempt          int         not null default 0,
    max_attempts     int         not null default 3,
    available_at     timestamptz not null default now(),
    lease_until      timestamptz,
    worker_id        text,
    -- the provider's request (id and URLs) is committed before anything may retry, so a retry resumes it
    provider_request jsonb,
    next_poll_at     timestamptz,
    event_seq        int         not null default 0,
    webhook_url      text,
    entity_id        text,
    origin_instance  text,
    origin_zone      text,
    origin_version   text,
    origin_tenant_id text,
    metadata         jsonb,
    idempotency_key  text unique,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    started_at       timestamptz,
    completed_at     timestamptz
);

create index task_claim_idx on task (queue, priority desc, available_at) where status = 'pending';
create index task_lease_idx on task (queue, lease_until) where status = 'running';
create index task_poll_idx on task (next_poll_at) where status = 'running' and provider_request is not null;

-- Outbox: every status change writes its event in the same statement; a relay delivers them in order.
create table task_event (
    id              bigserial primary key,
    task_id         uuid        not null references task (id) on delete cascade,
    seq             int         not null,
    payload         jsonb       not null,
    created_at      timestamptz not null default now(),
    published_at    timestamptz,
    delivered_at    timestamptz,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    -- delivery given up after the configured attempts; kept for the record, no longer blocking later events
    abandoned       boolean     not null default false,
    unique (task_id, seq)
);

create index task_event_due_idx on task_event (next_attempt_at) where delivered_at is null;

-- The documented webhook payload, built from a task row (as jsonb) so every transition emits the same shape.
create function task_event_payload(t jsonb) returns jsonb
    language sql immutable as
$$
select jsonb_build_object(
    'event_type', 'task_status_update',
    'task_id', t ->> 'id',
    'task_type', t ->> 'task_type',
    'status', t ->> 'status',
    'sequence', (t ->> 'event_seq')::int,
    'progress', (t ->> 'progress')::int,
    'entity_id', t -> 'entity_id',
    'origin_instance', t -> 'origin_instance',
    'origin_zone', t -> 'origin_zone',
    'origin_version', t -> 'origin_version',
    'timestamp', t -> 'updated_at',
    'started_at', t -> 'started_at',
    'completed_at', t -> 'completed_at',
    'error_message', t -> 'error_message',
    'error_category', t -> 'error_category',
    'metadata', coalesce(t -> 'metadata', '{}'::jsonb),
    'additional_properties', jsonb_build_object('attempt', (t ->> 'attempt')::int))
$$;
