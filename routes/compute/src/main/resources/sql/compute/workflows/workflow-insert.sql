-- A workflow and all its nodes in one statement: nothing half written.
with created as (
    insert into workflow (id, name, description, origin_instance, failure_policy, inputs)
    values (cast(:#id as uuid), :#name, :#description, :#originInstance, :#failurePolicy, cast(:#inputs as jsonb))
    returning id)
insert into workflow_node (workflow_id, node_id, position, task_type, config, depends_on, input_mappings)
select created.id, n.node_id, n.position, n.task_type, n.config, n.depends_on, n.input_mappings
  from created, jsonb_to_recordset(cast(:#nodes as jsonb))
       as n(node_id text, position int, task_type text, config jsonb, depends_on jsonb, input_mappings jsonb)
