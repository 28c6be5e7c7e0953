-- pgbench script: one task through the queue's own three statements (submit, claim, complete), each
-- with its outbox event, on the same tables the hub uses. No HTTP, no Camel: the database alone.
insert into task (id, task_type, queue, params, event_seq) values (gen_random_uuid(), 'BACKGROUND_REMOVE', 'pgbench', '{}', 1);
with claimed as (
    update task set status = 'running', attempt = attempt + 1, worker_id = 'pgbench', lease_until = now() + interval '60 seconds',
                    started_at = now(), updated_at = now(), event_seq = event_seq + 1
     where id in (select id from task where queue = 'pgbench' and status = 'pending' and available_at <= now()
                   order by priority desc, available_at for update skip locked limit 1)
    returning *)
insert into task_event (task_id, seq, payload) select id, event_seq, task_event_payload(to_jsonb(claimed)) from claimed;
with done as (
    update task set status = 'completed', output = '{"images":[]}', progress = 100, completed_at = now(), updated_at = now(),
                    lease_until = null, event_seq = event_seq + 1
     where id in (select id from task where queue = 'pgbench' and status = 'running' and worker_id = 'pgbench' limit 1 for update skip locked)
    returning *)
insert into task_event (task_id, seq, payload) select id, event_seq, task_event_payload(to_jsonb(done)) from done;
