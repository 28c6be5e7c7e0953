-- What cleanup deletes, recorded before anything is deleted (a resume is refused from now on).
update workflow
   set cleanup = cast(:#cleanup as jsonb), updated_at = now()
 where id = cast(:#${exchangeProperty.workflowId} as uuid) and cleanup is null and status in ('completed', 'failed', 'cancelled')
