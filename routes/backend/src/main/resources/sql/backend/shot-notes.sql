-- Notes (and a PENDING ⇄ IN_REVIEW move) on the current revision.
update shot_revision
   set notes = :#notes, status = :#status, updated_at = now()
 where id = cast(:#revisionId as uuid) and status = :#expected
