-- Pause (status 'paused': nothing new is queued, running tasks are still recorded) and clean-up of intermediate files.
alter table workflow
    add column paused_at  timestamptz,
    -- the files cleanup deletes ({"deleted": [keys], "skipped": [urls outside our storage]}), recorded before deleting
    add column cleanup    jsonb,
    add column cleaned_at timestamptz;

-- the sweep reads running and paused workflows (a paused one still records its tasks' ends)
drop index workflow_running_idx;
create index workflow_active_idx on workflow (updated_at) where status in ('running', 'paused');
