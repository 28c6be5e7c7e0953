-- A review decision on the current revision, only if it is still in the state the decision was made on.
update shot_revision
   set status = :#status, notes = coalesce(:#notes, notes), reviewed_by = cast(:#userId as uuid),
       reviewed_at = case when :#status in ('APPROVED', 'REJECTED') then now() else reviewed_at end, updated_at = now()
 where id = cast(:#revisionId as uuid) and status = :#expected
