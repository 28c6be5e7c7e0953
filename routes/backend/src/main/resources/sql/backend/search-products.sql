-- Products of the caller's space (organization or personal) whose name or SKU contains the text;
-- the expression is the one of product_search_idx (trigram) where pg_trgm is installed.
select t.*
  from product t
 where (cast(:#organizationId as uuid) is null and t.organization_id is null and t.owner_id = cast(:#userId as uuid)
        or t.organization_id = cast(:#organizationId as uuid))
   and lower(t.name || ' ' || t.sku) like :#pattern escape '\'
 order by t.created_at desc, t.id desc
 limit :#limit
