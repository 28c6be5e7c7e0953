-- The merged shooting written back, with the productions its new phase opens, in one statement.
with s as (
    update shooting s
       set name = :#name, description = :#description, due_date = cast(:#dueDate as timestamptz), archived = :#archived,
           season = :#season, collection = :#collection, brand = :#brand, shooting_type = :#shootingType, phase = :#phase,
           require_test_shooting = :#requireTestShooting, default_guidelines_id = cast(:#defaultGuidelinesId as uuid),
           default_guidelines = cast(:#defaultGuidelines as jsonb), updated_at = now()
     where s.id = cast(:#id as uuid)
       and (s.organization_id is null and s.owner_id = cast(:#userId as uuid)
       or s.organization_id in (select organization_id from organization_member where user_id = cast(:#userId as uuid))
       or :#superuser)
    returning s.id)
insert into shooting_production (id, shooting_id, kind)
select gen_random_uuid(), s.id, p.kind
  from s, unnest(string_to_array(:#addProductions, ',')) as p(kind)
on conflict (shooting_id, kind) do nothing
