-- TRAINING tasks announce their changes as the documented training_status_update (spec §4.4); every other task
-- type keeps task_status_update. Same payload otherwise.
create or replace function task_event_payload(t jsonb) returns jsonb
    language sql immutable as
$$
select jsonb_build_object(
    'event_type', case when t ->> 'task_type' = 'TRAINING' then 'training_status_update' else 'task_status_update' end,
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
