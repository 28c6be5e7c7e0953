insert into refine (id, owner_id, organization_id, source_prediction_id, generation_id, scale_factor)
values (cast(:#id as uuid), cast(:#userId as uuid), cast(:#organizationId as uuid), cast(:#sourcePredictionId as uuid),
        cast(:#generationId as uuid), :#scaleFactor)
