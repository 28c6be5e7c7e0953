-- for_each fan-out: a step with a list reference runs one item node per element. An item is a row of its own
-- (node_id '<step>[<index>]', its step in parent_id, the element in item) so its task is synced, cancelled and
-- resumed like any node's; it sorts right after its step (same position, by item_index).
alter table workflow_node
    add column for_each   text,
    add column parent_id  text,
    add column item_index int,
    add column item       jsonb;
