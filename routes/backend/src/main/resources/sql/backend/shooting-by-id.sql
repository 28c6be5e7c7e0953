-- One shooting the caller may see (tenancy/README.md), with its productions.
select s.id::text as id, s.owner_id::text as owner_id, s.organization_id::text as organization_id, s.name, s.description,
       s.due_date, s.archived, s.season, s.collection, s.brand, s.shooting_type, s.phase, s.require_test_shooting,
       s.default_guidelines_id::text as default_guidelines_id, s.default_guidelines::text as default_guidelines,
       s.created_at, s.updated_at,
       (select coalesce(json_agg(json_build_object('id', p.id, 'kind', p.kind, 'created_at', p.created_at) order by p.created_at), '[]')
          from shooting_production p where p.shooting_id = s.id)::text as productions,
       (select count(*) from shooting_look l where l.shooting_id = s.id) as look_count
  from shooting s
 where s.id = cast(:#id as uuid)
   and (s.organization_id is null and s.owner_id = cast(:#userId as uuid)
       or s.organization_id in (select organization_id from organization_member where user_id = cast(:#userId as uuid))
       or :#superuser)
