insert into training (id, owner_id, organization_id, training_type, entity_type, entity_id, trigger_word, params)
values (cast(:#id as uuid), cast(:#userId as uuid), cast(:#organizationId as uuid), :#trainingType, :#entityType,
        cast(:#entityId as uuid), :#triggerWord, cast(:#params as jsonb))
