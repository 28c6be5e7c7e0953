-- The merged look written back; shots follow its shot types: new types get a shot (and revision 1),
-- dropped types lose theirs.
with look as (
    update shooting_look
       set name = :#name, main_product_id = cast(:#mainProductId as uuid), subject_id = cast(:#subjectId as uuid),
           style_id = cast(:#styleId as uuid), shot_type_ids = cast(:#shotTypeIds as jsonb),
           resolution_preset_id = cast(:#resolutionPresetId as uuid), width = :#width, height = :#height,
           background_preset_id = cast(:#backgroundPresetId as uuid), file_format = :#fileFormat,
           outfit_id = cast(:#outfitId as uuid), updated_at = now()
     where id = cast(:#id as uuid)
    returning id, shooting_id, shot_type_ids),
dropped as (
    delete from shot sh using look
     where sh.look_id = look.id
       and not jsonb_exists(look.shot_type_ids, sh.shot_type_id::text)),
added as (
    insert into shot (id, shooting_id, look_id, shot_type_id, created_at, updated_at)
    select gen_random_uuid(), look.shooting_id, look.id, cast(t.value as uuid), now() + t.n * interval '1 microsecond', now()
      from look, jsonb_array_elements_text(look.shot_type_ids) with ordinality as t(value, n)
     where not exists (select 1 from shot sh where sh.look_id = look.id and sh.shot_type_id = cast(t.value as uuid))
    returning id)
insert into shot_revision (id, shot_id, version)
select gen_random_uuid(), added.id, 1 from added
