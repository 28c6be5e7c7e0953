-- Only for an active user; nothing (and no mail) otherwise. Only the token's digest is stored.
insert into password_reset (token_hash, user_id, expires_at)
select :#tokenHash, id, now() + make_interval(mins => :#expireMinutes)
  from app_user
 where lower(email) = lower(:#email) and is_active
returning user_id::text as user_id
