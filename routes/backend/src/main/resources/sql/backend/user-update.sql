-- Absent fields (null) keep their value. A new password or a deactivation bumps token_version:
-- the user's tokens stop validating.
update app_user
   set email           = coalesce(cast(:#email as text), email),
       full_name       = coalesce(cast(:#fullName as text), full_name),
       hashed_password = coalesce(cast(:#hashedPassword as text), hashed_password),
       is_active       = coalesce(cast(:#isActive as boolean), is_active),
       is_superuser    = coalesce(cast(:#isSuperuser as boolean), is_superuser),
       token_version   = token_version + case when cast(:#hashedPassword as text) is not null
                                               or cast(:#isActive as boolean) = false then 1 else 0 end,
       updated_at      = now()
 where id = cast(:#id as uuid)
returning *
