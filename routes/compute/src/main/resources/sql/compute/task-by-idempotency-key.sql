select task.*, false as created from task where idempotency_key = :#${exchangeProperty.idempotencyKey}
