-- Media resources (spec §3.4): one row per distinct file content, stored at media/{id}/file.{ext};
-- entities point at them through attachments (entity_type, entity_id, slot, position).
create table media_resource (
    id             uuid primary key,
    resource_type  text        not null default 'IMAGE' check (resource_type in ('IMAGE', 'VIDEO')),
    storage_key    text        not null unique,
    -- MD5 of the bytes (the ETag of a single-part upload): the deduplication key
    content_hash   text        not null,
    extension      text        not null,
    mime_type      text        not null,
    file_size      bigint      not null,
    width          int,
    height         int,
    dominant_color text,
    color_profile  text,
    duration       double precision,
    alt_text       text,
    caption        text,
    protected      boolean     not null default false,
    created_by     uuid references app_user (id) on delete set null,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);
create unique index media_resource_content_hash_idx on media_resource (content_hash);

create table media_resource_attachment (
    id                uuid primary key,
    media_resource_id uuid        not null references media_resource (id),
    entity_type       text        not null,
    entity_id         uuid        not null,
    slot              text        not null,
    -- null for single-value slots (cover_image), 0.. for ordered ones (gallery)
    position          int,
    -- who attached it and for which organization (null: personal): media visibility follows them
    owner_id          uuid,
    organization_id   uuid,
    created_at        timestamptz not null default now()
);
create index media_resource_attachment_entity_idx on media_resource_attachment (entity_type, entity_id, slot, position);
create index media_resource_attachment_resource_idx on media_resource_attachment (media_resource_id);
