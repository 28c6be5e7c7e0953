update task_event set published_at = now() where id = :#eventId and published_at is null
