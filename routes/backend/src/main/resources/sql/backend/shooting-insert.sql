-- A new shooting and, in phase PRODUCTION, its MAIN production: one statement, nothing half-written.
with s as (
    insert into shooting (id, owner_id, organization_id, name, description, due_date, archived, season, collection, brand,
                          shooting_type, phase, require_test_shooting, default_guidelines_id, default_guidelines)
    values (cast(:#id as uuid), cast(:#userId as uuid), cast(:#organizationId as uuid), :#name, :#description,
            cast(:#dueDate as timestamptz), :#archived, :#season, :#collection, :#brand, :#shootingType, :#phase,
            :#requireTestShooting, cast(:#defaultGuidelinesId as uuid), cast(:#defaultGuidelines as jsonb))
    returning id)
insert into shooting_production (id, shooting_id, kind)
select gen_random_uuid(), s.id, p.kind
  from s, unnest(string_to_array(:#addProductions, ',')) as p(kind)
