-- A generation by id whoever owns it: for internal readers (live updates, submission), never for a caller.
select t.* from generation t where t.id = cast(:#generationId as uuid)
