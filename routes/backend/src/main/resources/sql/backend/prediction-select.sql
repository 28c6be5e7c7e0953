-- Marks a completed prediction as chosen (repeating it changes nothing).
update prediction set selected = true, selected_at = coalesce(selected_at, now()), updated_at = now()
 where id = cast(:#predictionId as uuid) and status = 'completed'
