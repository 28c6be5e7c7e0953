-- Workflows made from a named template, with a caller's webhook and metadata, their progress and their own
-- events; steps with a condition (when) and the reason a skipped step did not run.
alter table workflow
    add column template        text,
    add column webhook_url     text,
    add column metadata        jsonb not null default '{}',
    -- a repeated create with the same Idempotency-Key answers the first workflow
    add column idempotency_key text unique,
    -- 0 to 100, as last announced (the GET view counts it from the nodes)
    add column progress        int   not null default 0,
    -- the sequence of the workflow's last event
    add column event_seq       int   not null default 0;

create index workflow_created_idx on workflow (created_at desc);

alter table workflow_node
    add column condition   text,
    -- why a skipped node did not run: condition (not a failure), dependency, fail_fast, cancelled
    add column skip_reason text;

-- The outbox carries workflow events too: an event belongs to a task or to a workflow, and is delivered in
-- order after the earlier events of the same owner.
alter table task_event
    alter column task_id drop not null,
    add column workflow_id uuid references workflow (id) on delete cascade,
    add constraint task_event_owner check ((task_id is null) <> (workflow_id is null)),
    add constraint task_event_workflow_seq unique (workflow_id, seq);
