-- Cancels what is still open: its predictions end in error "Cancelled", the generation is failed with cancelled_at.
with open_predictions as (
    update prediction set status = 'error', error_message = 'Cancelled', event_at = now(), updated_at = now()
     where generation_id = cast(:#generationId as uuid) and status in ('pending', 'generating'))
update generation
   set status = 'failed', error_message = 'Cancelled', cancelled_at = now(), completed_at = now(), updated_at = now()
 where id = cast(:#generationId as uuid) and status in ('pending', 'processing')
