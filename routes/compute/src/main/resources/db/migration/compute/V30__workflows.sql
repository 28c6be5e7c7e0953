-- Workflows: a DAG of steps, each run as an ordinary task. The workflow row is the lock every advance takes.
create table workflow (
    id              uuid primary key,
    name            text        not null,
    description     text,
    origin_instance text,
    -- created, running, completed, failed, cancelled
    status          text        not null default 'created',
    failure_policy  text        not null default 'fail_fast',
    inputs          jsonb       not null default '{}',
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    started_at      timestamptz,
    completed_at    timestamptz
);

create index workflow_running_idx on workflow (updated_at) where status = 'running';

-- One row per step, in topological order (position). runs counts the tasks enqueued for it (resume adds one).
create table workflow_node (
    workflow_id    uuid        not null references workflow (id) on delete cascade,
    node_id        text        not null,
    position       int         not null,
    task_type      text        not null,
    config         jsonb       not null,
    depends_on     jsonb       not null default '[]',
    input_mappings jsonb       not null default '{}',
    -- waiting, queued, completed, failed, skipped, cancelled
    status         text        not null default 'waiting',
    task_id        uuid,
    runs           int         not null default 0,
    attempts       int         not null default 0,
    output         jsonb,
    error_message  text,
    started_at     timestamptz,
    completed_at   timestamptz,
    primary key (workflow_id, node_id)
);

create index workflow_node_task_idx on workflow_node (task_id);
