-- Job history of provider calls: one row per provider tried for a task attempt (retries inside a call counted),
-- so failover and retry decisions can be read back per task.
create table provider_attempt (
    id            bigserial primary key,
    task_id       uuid        not null references task (id) on delete cascade,
    task_attempt  int         not null,
    provider      text        not null,
    model         text,
    outcome       text        not null,
    http_status   int,
    calls         int         not null default 1,
    duration_ms   bigint      not null,
    error         text,
    input_tokens  int,
    output_tokens int,
    created_at    timestamptz not null default now()
);

create index provider_attempt_task_idx on provider_attempt (task_id, id);
