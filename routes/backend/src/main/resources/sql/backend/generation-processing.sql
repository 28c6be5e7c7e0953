update generation set status = 'processing', updated_at = now() where id = cast(:#generationId as uuid) and status = 'pending'
