-- Who sees a generation change live: the members of its organization, or for a personal one its owner.
select user_id::text as user_id from organization_member where organization_id = cast(:#organizationId as uuid)
union
select cast(:#ownerId as uuid)::text where cast(:#organizationId as uuid) is null
