-- fal.cancel-cancelled looks for cancelled fal tasks whose request was not cancelled at fal yet: few rows
-- among the whole history, so a partial index keeps that poll cheap.
create index task_fal_cancel_pending_idx on task (id)
    where status = 'cancelled' and provider_request is not null and provider_request -> 'cancel_sent_at' is null;
