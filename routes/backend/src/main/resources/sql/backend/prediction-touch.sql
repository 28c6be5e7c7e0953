-- Compute says the task is still running: ask again only after the configured age.
update prediction set event_at = now() where id = cast(:#predictionId as uuid)
