-- Compute API keys: several, named, revocable. Only the SHA-256 digest of a key is stored; the key
-- itself is shown once, when it is created. The bootstrap key of the environment (HUB_COMPUTE_API_KEY)
-- is not in this table.
create table api_key (
    id           uuid primary key,
    name         text        not null,
    -- the first characters of the key, so that ops can tell keys apart in lists and logs
    prefix       text        not null,
    key_sha256   bytea       not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
-- a name identifies one live key; a revoked key's name may be reused
create unique index api_key_live_name_idx on api_key (name) where revoked_at is null;
