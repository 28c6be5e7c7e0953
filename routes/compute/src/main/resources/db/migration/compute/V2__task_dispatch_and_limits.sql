-- Queue controls beyond V1: the moment a worker handed the task to its handler (a lease that expires
-- before it was never dispatched can be requeued without any risk of a repeated side effect), the
-- per-type time limit, the provider chosen, and the cancellation mark.
alter table task
    add column dispatched_at      timestamptz,
    add column time_limit_seconds int,
    add column provider_type      text,
    add column cancelled_at       timestamptz,
    add column retries            int not null default 0;

-- the reaper's scan: running tasks by lease, whatever their queue
create index task_running_lease_idx on task (lease_until) where status = 'running';
-- monitoring lists newest first with optional filters
create index task_created_idx on task (created_at desc);
create index task_status_created_idx on task (status, created_at desc);
