-- An outfit whose images could not be attached: removed again so nothing half-written stays.
delete from outfit where id = cast(:#id as uuid)
