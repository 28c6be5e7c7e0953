-- The product catalog and its configuration (brands, products, subjects, styles, guidelines, shot types,
-- pose presets, set designs, stylists, tags, background/resolution presets): every table is tenant-owned
-- (owner_id + organization_id, see tenancy/README.md). Lists sort by (created_at desc, id desc); the two
-- tenant indexes of each table serve that order for an organization's and for a user's personal rows.
-- Generation models are global (superusers write, anyone reads).

create table brand (
    id              uuid primary key,
    owner_id        uuid        not null references app_user (id) on delete cascade,
    organization_id uuid references organization (id) on delete cascade,
    name            text        not null,
    description     text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

create table product (
    id              uuid primary key,
    owner_id        uuid        not null references app_user (id) on delete cascade,
    organization_id uuid references organization (id) on delete cascade,
    brand_id        uuid references brand (id) on delete set null,
    name            text        not null,
    sku             text        not null,
    description     text,
    product_family  text,
    product_type    text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
-- SKU is unique per brand; brand-less products are unique per tenant (organization, else owner)
create unique index product_brand_sku_uq on product (brand_id, sku) where brand_id is not null;
create unique index product_org_sku_uq on product (organization_id, sku) where brand_id is null and organization_id is not null;
create unique index product_owner_sku_uq on product (owner_id, sku) where brand_id is null and organization_id is null;
create index product_brand_idx on product (brand_id, created_at desc, id desc);

create table subject (
    id              uuid primary key,
    owner_id        uuid        not null references app_user (id) on delete cascade,
    organization_id uuid references organization (id) on delete cascade,
    name            text        not null,
    surname         text,
    slug            text        not null,
    description     text,
    type            text,
    gender          text,
    age_class       text,
    body_type       text,
    eye_color       text,
    hair_color      text,
    base_images     jsonb       not null default '[]',
    public          boolean     not null default false,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index subject_age_class_idx on subject (age_class, created_at desc, id desc);
create index subject_body_type_idx on subject (body_type, created_at desc, id desc);
create index subject_with_base_images_idx on subject (created_at desc, id desc) where jsonb_array_length(base_images) > 0;

create table style (
    id              uuid primary key,
    owner_id        uuid        not null references app_user (id) on delete cascade,
    organization_id uuid references organization (id) on delete cascade,
    name            text        not null,
    slug            text        not null,
    description     text,
    prompt          text,
    trigger_word    text,
    lora_url        text,
    lora_weight     double precision,
    public          boolean     not null default false,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

create table shot_type (
    id              uuid primary key,
    owner_id        uuid        not null references app_user (id) on delete cascade,
    organization_id uuid references organization (id) on delete cascade,
    name            text        not null,
    description     text,
    framing         text        not null,
    view_angle      text        not null,
    public          boolean     not null default false,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

create table pose_preset (
    id              uuid primary key,
    owner_id        uuid        not null references app_user (id) on delete cascade,
    organization_id uuid references organization (id) on delete cascade,
    shot_type_id    uuid        not null references shot_type (id) on delete cascade,
    name            text        not null,
    prompt          text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index pose_preset_shot_type_idx on pose_preset (shot_type_id);

create table background_preset (
    id              uuid primary key,
    owner_id        uuid        not null references app_user (id) on delete cascade,
    organization_id uuid references organization (id) on delete cascade,
    name            text        not null,
    description     text,
    prompt          text,
    color           text,
    image_url       text,
    public          boolean     not null default false,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

create table resolution_preset (
    id              uuid primary key,
    owner_id        uuid        not null references app_user (id) on delete cascade,
    organization_id uuid references organization (id) on delete cascade,
    name            text        not null,
    width           int         not null,
    height          int         not null,
    public          boolean     not null default false,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

create table set_design (
    id                   uuid primary key,
    owner_id             uuid        not null references app_user (id) on delete cascade,
    organization_id      uuid references organization (id) on delete cascade,
    background_preset_id uuid references background_preset (id) on delete set null,
    name                 text        not null,
    description          text,
    base_images          jsonb       not null default '[]',
    reference_images     jsonb       not null default '[]',
    subject_portraits    jsonb       not null default '[]',
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);

create table guideline (
    id                   uuid primary key,
    owner_id             uuid        not null references app_user (id) on delete cascade,
    organization_id      uuid references organization (id) on delete cascade,
    resolution_preset_id uuid references resolution_preset (id) on delete set null,
    set_design_id        uuid references set_design (id) on delete set null,
    name                 text        not null,
    description          text,
    file_format          text        not null,
    shot_type_ids        jsonb       not null default '[]',
    subject_ids          jsonb       not null default '[]',
    pose_preset_ids      jsonb       not null default '[]',
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);

create table stylist (
    id                           uuid primary key,
    owner_id                     uuid        not null references app_user (id) on delete cascade,
    organization_id              uuid references organization (id) on delete cascade,
    name                         text        not null,
    brand                        text,
    styling_template_values      jsonb       not null default '{}',
    underpinnings_query_template text,
    public                       boolean     not null default false,
    created_at                   timestamptz not null default now(),
    updated_at                   timestamptz not null default now()
);
create index stylist_owner_filter_idx on stylist (owner_id, created_at desc, id desc);

create table tag (
    id              uuid primary key,
    owner_id        uuid        not null references app_user (id) on delete cascade,
    organization_id uuid references organization (id) on delete cascade,
    name            text        not null,
    color           text,
    description     text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create unique index tag_org_name_uq on tag (organization_id, lower(name)) where organization_id is not null;
create unique index tag_owner_name_uq on tag (owner_id, lower(name)) where organization_id is null;

-- The tenant indexes behind every list: an organization's rows, a user's personal rows, and the
-- admin-published ones (include_public / public) in the list order.
do $$
declare
    t text;
begin
    foreach t in array array['brand', 'product', 'subject', 'style', 'shot_type', 'pose_preset', 'background_preset',
                             'resolution_preset', 'set_design', 'guideline', 'stylist', 'tag'] loop
        execute format('create index %1$s_org_list_idx on %1$s (organization_id, created_at desc, id desc) where organization_id is not null', t);
        execute format('create index %1$s_personal_list_idx on %1$s (owner_id, created_at desc, id desc) where organization_id is null', t);
    end loop;
    foreach t in array array['subject', 'style', 'shot_type', 'background_preset', 'resolution_preset', 'stylist'] loop
        execute format('create index %1$s_public_list_idx on %1$s (created_at desc, id desc) where public', t);
    end loop;
end $$;

create table generation_model (
    id                             uuid primary key,
    name                           text        not null,
    icon                           text,
    provider                       text        not null,
    provider_config                jsonb,
    provider_capabilities          jsonb,
    fallback_provider              text,
    fallback_provider_config       jsonb,
    fallback_provider_capabilities jsonb,
    tool_types                     jsonb       not null default '[]',
    recommended                    boolean     not null default false,
    beta                           boolean     not null default false,
    max_output_width               int,
    max_output_height              int,
    max_size_pixels                bigint,
    created_at                     timestamptz not null default now(),
    updated_at                     timestamptz not null default now()
);
create unique index generation_model_name_uq on generation_model (lower(name));
create index generation_model_list_idx on generation_model (created_at desc, id desc);

-- Global search matches names (and SKUs) by substring: trigram indexes where pg_trgm is installable.
do $$
begin
    create extension if not exists pg_trgm;
    create index product_search_idx on product using gin (lower(name || ' ' || sku) gin_trgm_ops);
    create index subject_search_idx on subject using gin (lower(name || ' ' || coalesce(surname, '')) gin_trgm_ops);
exception when others then
    raise notice 'pg_trgm unavailable (%): search scans the tenant''s rows', sqlerrm;
end $$;
