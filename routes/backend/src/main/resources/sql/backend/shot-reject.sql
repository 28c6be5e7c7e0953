-- Reject the current revision with notes and open the next one (PENDING): one statement, so a shot always
-- has exactly one current revision; nothing happens if the revision changed state meanwhile.
with rejected as (
    update shot_revision
       set status = 'REJECTED', notes = :#notes, reviewed_by = cast(:#userId as uuid), reviewed_at = now(), updated_at = now()
     where id = cast(:#revisionId as uuid) and status = :#expected
    returning shot_id, version)
insert into shot_revision (id, shot_id, version)
select gen_random_uuid(), shot_id, version + 1 from rejected
