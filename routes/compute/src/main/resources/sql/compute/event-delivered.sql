update task_event set delivered_at = now(), last_error = null where id = :#eventId
