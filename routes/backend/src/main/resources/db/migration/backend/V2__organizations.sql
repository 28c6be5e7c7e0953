-- Tenancy: a resource belongs to an organization (organization_id set) or personally to its owner
-- (organization_id null). Members see their organizations' resources; superusers see everything.
create table organization (
    id         uuid primary key,
    name       text        not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

create table organization_member (
    organization_id uuid        not null references organization (id) on delete cascade,
    user_id         uuid        not null references app_user (id) on delete cascade,
    role            text        not null check (role in ('admin', 'member')),
    created_at      timestamptz not null default now(),
    primary key (organization_id, user_id)
);
create index organization_member_user_idx on organization_member (user_id);
