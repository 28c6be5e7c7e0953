insert into outfit (id, owner_id, organization_id, name, instruction, product_ids)
values (cast(:#id as uuid), cast(:#userId as uuid), cast(:#organizationId as uuid), :#name, :#instruction, cast(:#productIds as jsonb))
