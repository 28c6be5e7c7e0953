-- Invitations into an organization: the token goes out by e-mail (only its SHA-256 digest is kept);
-- the invited user accepts it signed in with the invited address, before it expires.
create table organization_invitation (
    id              uuid primary key,
    organization_id uuid        not null references organization (id) on delete cascade,
    email           text        not null,
    role            text        not null check (role in ('admin', 'member')),
    token_hash      text        not null unique,
    invited_by      uuid references app_user (id) on delete set null,
    expires_at      timestamptz not null,
    accepted_at     timestamptz,
    accepted_by     uuid references app_user (id) on delete set null,
    created_at      timestamptz not null default now()
);
create index organization_invitation_org_idx on organization_invitation (organization_id, created_at, id);
create index organization_member_org_idx on organization_member (organization_id, created_at, user_id);
create index organization_created_idx on organization (created_at, id);

-- Subscriptions (plan and billing, read-only through the API): one per organization, made with it.
create table subscription (
    id                   uuid primary key,
    organization_id      uuid        not null unique references organization (id) on delete cascade,
    plan                 text        not null default 'free',
    status               text        not null default 'active' check (status in ('active', 'trialing', 'past_due', 'canceled')),
    seats                int,
    current_period_start timestamptz not null default now(),
    current_period_end   timestamptz,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);
