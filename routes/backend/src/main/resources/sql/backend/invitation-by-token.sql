select i.expires_at < now() as expired, i.accepted_at is not null as accepted,
       lower(i.email) = (select lower(email) from app_user where id = cast(:#userId as uuid)) as addressed_to_caller
  from organization_invitation i
 where i.token_hash = :#tokenHash
