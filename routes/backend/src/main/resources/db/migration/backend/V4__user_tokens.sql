-- Token revocation: every access token carries the user's token_version ("ver" claim); changing or
-- resetting the password bumps it, so tokens issued before stop validating.
alter table app_user add column token_version int not null default 0;
alter table app_user add column rework_available int not null default 0;

-- Password reset tokens: only a SHA-256 digest is stored; single use, short-lived.
create table password_reset (
    token_hash text primary key,
    user_id    uuid        not null references app_user (id) on delete cascade,
    expires_at timestamptz not null,
    used_at    timestamptz,
    created_at timestamptz not null default now()
);
create index password_reset_user_idx on password_reset (user_id);
create index app_user_created_idx on app_user (created_at, id);
