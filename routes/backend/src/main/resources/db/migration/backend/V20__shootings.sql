-- Shootings (spec §2.1, §3.5): a shooting owns looks; a look yields one shot per shot type; a shot is
-- reviewed in numbered revisions holding images (uploads or selected predictions). Tenancy lives on the
-- shooting (owner_id + organization_id, see tenancy/README.md); looks, shots and everything below them
-- are visible exactly when their shooting is.

create table shooting (
    id                    uuid primary key,
    owner_id              uuid        not null references app_user (id) on delete cascade,
    organization_id       uuid references organization (id) on delete cascade,
    name                  text        not null,
    description           text,
    due_date              timestamptz,
    archived              boolean     not null default false,
    season                text,
    collection            text,
    brand                 text,
    shooting_type         text        not null default 'ECOMMERCE' check (shooting_type in ('ECOMMERCE', 'CUSTOM')),
    phase                 text        not null check (phase in ('BRIEF', 'TEST_SHOOTING', 'PRODUCTS_SELECTION', 'AGREEMENT', 'PRODUCTION', 'CLOSED')),
    require_test_shooting boolean     not null default false,
    default_guidelines_id uuid references guideline (id) on delete set null,
    -- an inline guidelines template (mutually exclusive with default_guidelines_id)
    default_guidelines    jsonb,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now()
);
create index shooting_org_list_idx on shooting (organization_id, created_at desc, id desc) where organization_id is not null;
create index shooting_personal_list_idx on shooting (owner_id, created_at desc, id desc) where organization_id is null;

-- MAIN and TEST productions of a shooting: at most one of each
create table shooting_production (
    id          uuid primary key,
    shooting_id uuid        not null references shooting (id) on delete cascade,
    kind        text        not null check (kind in ('MAIN', 'TEST')),
    created_at  timestamptz not null default now(),
    unique (shooting_id, kind)
);

-- outfits: additional products, reference images (media attachments, entity OUTFIT) and an instruction
create table outfit (
    id              uuid primary key,
    owner_id        uuid        not null references app_user (id) on delete cascade,
    organization_id uuid references organization (id) on delete cascade,
    name            text,
    instruction     text,
    product_ids     jsonb       not null default '[]',
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index outfit_org_list_idx on outfit (organization_id, created_at desc, id desc) where organization_id is not null;
create index outfit_personal_list_idx on outfit (owner_id, created_at desc, id desc) where organization_id is null;

create table shooting_look (
    id                   uuid primary key,
    shooting_id          uuid        not null references shooting (id) on delete cascade,
    name                 text,
    main_product_id      uuid references product (id) on delete set null,
    subject_id           uuid references subject (id) on delete set null,
    style_id             uuid references style (id) on delete set null,
    shot_type_ids        jsonb       not null default '[]',
    resolution_preset_id uuid references resolution_preset (id) on delete set null,
    width                int,
    height               int,
    background_preset_id uuid references background_preset (id) on delete set null,
    file_format          text        not null default 'JPEG' check (file_format in ('JPEG', 'PNG', 'WEBP')),
    outfit_id            uuid references outfit (id) on delete set null,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);
create index shooting_look_shooting_idx on shooting_look (shooting_id, created_at, id);

create table shot (
    id           uuid primary key,
    shooting_id  uuid        not null references shooting (id) on delete cascade,
    look_id      uuid        not null references shooting_look (id) on delete cascade,
    shot_type_id uuid        not null references shot_type (id) on delete cascade,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    unique (look_id, shot_type_id)
);
create index shot_shooting_idx on shot (shooting_id, created_at, id);

-- the current revision of a shot is its highest version; the shot's status is that revision's
create table shot_revision (
    id          uuid primary key,
    shot_id     uuid        not null references shot (id) on delete cascade,
    version     int         not null,
    status      text        not null default 'PENDING' check (status in ('PENDING', 'IN_REVIEW', 'APPROVED', 'REJECTED')),
    notes       text,
    reviewed_by uuid references app_user (id) on delete set null,
    reviewed_at timestamptz,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    unique (shot_id, version)
);

create table shot_image (
    id                uuid primary key,
    revision_id       uuid        not null references shot_revision (id) on delete cascade,
    shot_id           uuid        not null references shot (id) on delete cascade,
    source            text        not null check (source in ('UPLOAD', 'PREDICTION')),
    url               text        not null,
    -- the object in our bucket (null for an image we do not store): what the export reads
    storage_key       text,
    media_resource_id uuid references media_resource (id),
    prediction_id     uuid,
    position          int         not null,
    created_at        timestamptz not null default now()
);
create index shot_image_revision_idx on shot_image (revision_id, position);
create unique index shot_image_prediction_uq on shot_image (revision_id, prediction_id) where prediction_id is not null;

create table annotation (
    id          uuid primary key,
    shot_id     uuid        not null references shot (id) on delete cascade,
    revision_id uuid references shot_revision (id) on delete cascade,
    image_id    uuid references shot_image (id) on delete cascade,
    author_id   uuid references app_user (id) on delete set null,
    text        text        not null,
    x           double precision,
    y           double precision,
    created_at  timestamptz not null default now()
);
create index annotation_shot_idx on annotation (shot_id, created_at);
