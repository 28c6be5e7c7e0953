-- The unique index on lower(email) decides between concurrent creations: a taken e-mail inserts nothing.
insert into app_user (id, email, hashed_password, full_name, is_active, is_superuser)
values (gen_random_uuid(), :#email, :#hashedPassword, :#fullName, :#isActive, :#isSuperuser)
on conflict (lower(email)) do nothing
returning *
