-- The backend's durable job queue (the original's Celery worker): exports, clean-ups. A worker claims due
-- rows with FOR UPDATE SKIP LOCKED and a lease; a failure goes back to pending with a back-off until
-- max_attempts; the reaper (scheduler) takes back jobs whose worker died (lease expired).
create table backend_job (
    id              uuid primary key,
    kind            text        not null check (kind in ('EXPORT_SHOOTING', 'TEMP_CLEANUP')),
    status          text        not null default 'pending' check (status in ('pending', 'running', 'completed', 'failed')),
    params          jsonb       not null default '{}',
    result          jsonb,
    -- who asked (null for scheduled jobs) and for which tenant: GET /jobs/{id} follows tenancy/README.md
    owner_id        uuid references app_user (id) on delete cascade,
    organization_id uuid references organization (id) on delete cascade,
    -- the object the job works on (the shooting of an export)
    entity_id       uuid,
    attempt         int         not null default 0,
    max_attempts    int         not null,
    available_at    timestamptz not null default now(),
    lease_until     timestamptz,
    worker_id       text,
    error_message   text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    started_at      timestamptz,
    completed_at    timestamptz
);
create index backend_job_due_idx on backend_job (available_at) where status = 'pending';
create index backend_job_lease_idx on backend_job (lease_until) where status = 'running';
create index backend_job_entity_idx on backend_job (entity_id, created_at desc) where entity_id is not null;
