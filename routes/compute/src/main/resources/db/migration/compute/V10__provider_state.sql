-- One row per configured provider: ops' view of its health, and the pause switch every instance obeys.
create table provider_state (
    name              text primary key,
    protocol          text        not null,
    paused            boolean     not null default false,
    paused_reason     text,
    paused_at         timestamptz,
    circuit_state     text        not null default 'CLOSED',
    in_flight         int         not null default 0,
    concurrency_limit int         not null default 0,
    calls_total       bigint      not null default 0,
    errors_total      bigint      not null default 0,
    recent_error_rate real        not null default 0,
    last_error        text,
    last_error_at     timestamptz,
    last_success_at   timestamptz,
    reported_by       text,
    updated_at        timestamptz not null default now()
);

-- A webhook names its task in the URL; fal's request id must match the one recorded at submit.
create index task_provider_request_id_idx on task ((provider_request ->> 'request_id')) where provider_request is not null;
