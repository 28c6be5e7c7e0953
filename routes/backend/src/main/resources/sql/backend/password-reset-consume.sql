-- One statement: the token is spent and the password set together, or neither.
with spent as (
    update password_reset
       set used_at = now()
     where token_hash = :#tokenHash and used_at is null and expires_at > now()
    returning user_id)
update app_user u
   set hashed_password = :#hashedPassword, token_version = u.token_version + 1, updated_at = now()
  from spent
 where u.id = spent.user_id and u.is_active
returning u.id::text as id, u.email
