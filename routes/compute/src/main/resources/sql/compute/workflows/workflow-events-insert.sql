-- The events of one change of a workflow, written in the change's transaction (outbox; the relay delivers them),
-- and the workflow's last sequence and progress.
with stored as (
    insert into task_event (workflow_id, seq, payload)
    select cast(:#${exchangeProperty.workflowId} as uuid), (e ->> 'sequence')::int, e
      from jsonb_array_elements(cast(:#events as jsonb)) e)
update workflow
   set event_seq = :#eventSeq, progress = :#progress, updated_at = now()
 where id = cast(:#${exchangeProperty.workflowId} as uuid)
