-- A page of the organization's (or the caller's personal) shootings, newest first, with the total count.
select c.total as total_count_, p.*
  from (select count(*) as total from shooting s
         where (cast(:#organizationId as uuid) is null and s.organization_id is null and s.owner_id = cast(:#userId as uuid)
                or s.organization_id = cast(:#organizationId as uuid))
           and (cast(:#archived as boolean) is null or s.archived = cast(:#archived as boolean))
           and (cast(:#phase as text) is null or s.phase = cast(:#phase as text))) c
  left join lateral (
        select s.id::text as id, s.owner_id::text as owner_id, s.organization_id::text as organization_id, s.name, s.description,
               s.due_date, s.archived, s.season, s.collection, s.brand, s.shooting_type, s.phase, s.require_test_shooting,
               s.default_guidelines_id::text as default_guidelines_id, s.default_guidelines::text as default_guidelines,
               s.created_at, s.updated_at,
               (select coalesce(json_agg(json_build_object('id', p.id, 'kind', p.kind, 'created_at', p.created_at) order by p.created_at), '[]')
                  from shooting_production p where p.shooting_id = s.id)::text as productions,
               (select count(*) from shooting_look l where l.shooting_id = s.id) as look_count
          from shooting s
         where (cast(:#organizationId as uuid) is null and s.organization_id is null and s.owner_id = cast(:#userId as uuid)
                or s.organization_id = cast(:#organizationId as uuid))
           and (cast(:#archived as boolean) is null or s.archived = cast(:#archived as boolean))
           and (cast(:#phase as text) is null or s.phase = cast(:#phase as text))
         order by s.created_at desc, s.id desc
         limit :#limit offset :#skip) p on true
