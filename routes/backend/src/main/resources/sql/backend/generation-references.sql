-- The catalog rows a GenerationCreate names (by id, else by slug; a product's slug is its SKU), each only
-- if the caller may use it (hub_visible); rows of the request's organization win over others of the same slug.
-- One JSON object per reference, null when not named or not visible.
select
  (select json_build_object('id', t.id, 'name', t.name, 'description', t.description)::text
     from subject t
    where (t.id = cast(:#subjectId as uuid) or cast(:#subjectId as uuid) is null and t.slug = :#subjectSlug)
      and hub_visible(t.owner_id, t.organization_id, t.public, cast(:#userId as uuid), :#superuser)
    order by t.organization_id is not distinct from cast(:#organizationId as uuid) desc, t.created_at desc limit 1) as subject,
  (select json_build_object('id', t.id, 'name', t.name, 'description', t.description, 'product_type', t.product_type)::text
     from product t
    where (t.id = cast(:#productId as uuid) or cast(:#productId as uuid) is null and t.sku = :#productSlug)
      and hub_visible(t.owner_id, t.organization_id, false, cast(:#userId as uuid), :#superuser)
    order by t.organization_id is not distinct from cast(:#organizationId as uuid) desc, t.created_at desc limit 1) as product,
  (select json_build_object('id', t.id, 'name', t.name, 'description', t.description, 'product_type', t.product_type)::text
     from product t
    where (t.id = cast(:#product2Id as uuid) or cast(:#product2Id as uuid) is null and t.sku = :#product2Slug)
      and hub_visible(t.owner_id, t.organization_id, false, cast(:#userId as uuid), :#superuser)
    order by t.organization_id is not distinct from cast(:#organizationId as uuid) desc, t.created_at desc limit 1) as product2,
  (select json_build_object('id', t.id, 'name', t.name, 'description', t.description, 'prompt', t.prompt,
                            'trigger_word', t.trigger_word, 'lora_url', t.lora_url, 'lora_weight', t.lora_weight)::text
     from style t
    where (t.id = cast(:#styleId as uuid) or cast(:#styleId as uuid) is null and t.slug = :#styleSlug)
      and hub_visible(t.owner_id, t.organization_id, t.public, cast(:#userId as uuid), :#superuser)
    order by t.organization_id is not distinct from cast(:#organizationId as uuid) desc, t.created_at desc limit 1) as style,
  (select json_build_object('id', t.id, 'name', t.name, 'description', t.description, 'framing', t.framing, 'view_angle', t.view_angle)::text
     from shot_type t
    where t.id = cast(:#shotTypeId as uuid)
      and hub_visible(t.owner_id, t.organization_id, t.public, cast(:#userId as uuid), :#superuser)) as shot_type,
  (select json_build_object('id', t.id, 'name', t.name, 'prompt', t.prompt)::text
     from pose_preset t
    where t.id = cast(:#posePresetId as uuid)
      and hub_visible(t.owner_id, t.organization_id, false, cast(:#userId as uuid), :#superuser)) as pose_preset
