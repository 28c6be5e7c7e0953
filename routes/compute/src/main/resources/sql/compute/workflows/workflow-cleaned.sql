update workflow set cleaned_at = now() where id = cast(:#${exchangeProperty.workflowId} as uuid) and cleaned_at is null
