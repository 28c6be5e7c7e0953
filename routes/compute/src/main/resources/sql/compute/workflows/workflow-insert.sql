-- A workflow and all its nodes in one statement: nothing half written. A repeated Idempotency-Key inserts
-- nothing and answers the workflow made the first time.
with created as (
    insert into workflow (id, name, description, origin_instance, failure_policy, inputs, template, webhook_url, metadata,
                          idempotency_key)
    values (cast(:#id as uuid), :#name, :#description, :#originInstance, :#failurePolicy, cast(:#inputs as jsonb), :#template,
            :#webhookUrl, cast(:#metadata as jsonb), :#idempotencyKey)
    on conflict (idempotency_key) do nothing
    returning id),
nodes as (
    insert into workflow_node (workflow_id, node_id, position, task_type, config, depends_on, input_mappings, condition, for_each)
    select created.id, n.node_id, n.position, n.task_type, n.config, n.depends_on, n.input_mappings, n.condition, n.for_each
      from created, jsonb_to_recordset(cast(:#nodes as jsonb))
           as n(node_id text, position int, task_type text, config jsonb, depends_on jsonb, input_mappings jsonb, condition text,
                for_each text))
select id::text as id, true as created from created
union all
select id::text as id, false as created from workflow
 where idempotency_key = :#idempotencyKey and not exists (select 1 from created)
