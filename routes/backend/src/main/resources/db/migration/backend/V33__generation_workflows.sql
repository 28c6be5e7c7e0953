-- Generation strategies as compute workflows (issue 9): a prediction is made either by one compute task
-- (compute_task_id, followed by task events) or by a compute workflow (compute_workflow_id, followed by workflow
-- events, ordered by their own per-workflow sequence). Several predictions may share a workflow: one per item of a
-- for_each (workflow_item: the item's index; shot_type: the item).
alter table prediction
    add column compute_workflow_id uuid,
    add column workflow_sequence   int   not null default 0,
    add column workflow_item       int,
    add column shot_type           text,
    -- the task of the pipeline step whose image became the result (shown as task_id)
    add column workflow_task_id    uuid,
    -- an AGENTIC prediction's attempts (the documented OrchestratedShot): [{attempt, image_url, score, reasons, passed}]
    add column attempts            jsonb;

create index prediction_workflow_idx on prediction (compute_workflow_id) where compute_workflow_id is not null;
