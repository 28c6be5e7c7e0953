-- A look, one shot per shot type (in the order given) and each shot's first revision: one statement.
with look as (
    insert into shooting_look (id, shooting_id, name, main_product_id, subject_id, style_id, shot_type_ids, resolution_preset_id,
                               width, height, background_preset_id, file_format, outfit_id)
    values (cast(:#id as uuid), cast(:#shootingId as uuid), :#name, cast(:#mainProductId as uuid), cast(:#subjectId as uuid),
            cast(:#styleId as uuid), cast(:#shotTypeIds as jsonb), cast(:#resolutionPresetId as uuid), :#width, :#height,
            cast(:#backgroundPresetId as uuid), :#fileFormat, cast(:#outfitId as uuid))
    returning id, shooting_id, shot_type_ids),
shots as (
    insert into shot (id, shooting_id, look_id, shot_type_id, created_at, updated_at)
    select gen_random_uuid(), look.shooting_id, look.id, cast(t.value as uuid), now() + t.n * interval '1 microsecond', now()
      from look, jsonb_array_elements_text(look.shot_type_ids) with ordinality as t(value, n)
    returning id)
insert into shot_revision (id, shot_id, version)
select gen_random_uuid(), shots.id, 1 from shots
