-- The scope's generations changed after a time (a reconnecting live client's resync), oldest change first.
select t.*
  from generation t
 where (cast(:#organizationId as uuid) is not null and t.organization_id = cast(:#organizationId as uuid)
        or cast(:#organizationId as uuid) is null and t.organization_id is null and t.owner_id = cast(:#userId as uuid))
   and t.updated_at > cast(:#since as timestamptz)
 order by t.updated_at, t.id
 limit :#limit
