select id::text as id, false as created from workflow where idempotency_key = :#${exchangeProperty.idempotencyKey}
