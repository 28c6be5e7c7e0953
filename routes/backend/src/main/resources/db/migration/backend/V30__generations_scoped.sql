-- Generations part 2: tenancy (organization_id, see tenancy/README.md), the documented GenerationCreate
-- inputs, the shot a generation was made for (shot_id: the shots feature adds its foreign key), cancel,
-- prediction selection, refines (a REFINE generation made from a prediction's image) and trainings.

alter table generation
    add column organization_id     uuid references organization (id) on delete cascade,
    add column shot_id             uuid,
    add column generation_type     text    not null default 'BASE',
    add column generation_strategy text    not null default 'GENERATE',
    add column subject_id          uuid,
    add column product_id          uuid,
    add column product2_id         uuid,
    add column style_id            uuid,
    add column shot_type_id        uuid,
    add column pose_preset_id      uuid,
    add column seed                bigint,
    add column steps               int,
    add column extra_prompt        text,
    add column refine              boolean not null default false,
    -- the rest of the request as received (LoRA weights, lighting, framing, ...), for the record and the UI
    add column params              jsonb   not null default '{}',
    add column cancelled_at        timestamptz;

create index generation_org_list_idx on generation (organization_id, created_at desc, id desc) where organization_id is not null;
create index generation_personal_list_idx on generation (owner_id, created_at desc, id desc) where organization_id is null;
create index generation_shot_idx on generation (shot_id) where shot_id is not null;
-- the reconciliation job's scan: open generations only
create index generation_open_idx on generation (updated_at) where status in ('pending', 'processing');

alter table prediction
    add column result_video_url text,
    add column selected    boolean not null default false,
    add column selected_at timestamptz,
    -- when the last compute event (or reconciliation) touched it: the reconciliation job asks compute about quiet ones
    add column event_at    timestamptz;
create index prediction_open_idx on prediction (coalesce(event_at, created_at)) where status in ('pending', 'generating');

-- A refine: one REFINE generation made from a prediction's image (the generation holds status, progress, result).
create table refine (
    id                   uuid primary key,
    owner_id             uuid        not null references app_user (id) on delete cascade,
    organization_id      uuid references organization (id) on delete cascade,
    source_prediction_id uuid        not null references prediction (id) on delete cascade,
    generation_id        uuid        not null unique references generation (id) on delete cascade,
    scale_factor         double precision,
    created_at           timestamptz not null default now()
);
create index refine_org_list_idx on refine (organization_id, created_at desc, id desc) where organization_id is not null;
create index refine_personal_list_idx on refine (owner_id, created_at desc, id desc) where organization_id is null;

-- A training submitted to compute's POST /api/v1/training/; follows its training_status_update events.
create table training (
    id              uuid primary key,
    owner_id        uuid        not null references app_user (id) on delete cascade,
    organization_id uuid references organization (id) on delete cascade,
    status          text        not null default 'pending',
    progress        int         not null default 0,
    training_type   text        not null,
    entity_type     text        not null,
    entity_id       uuid,
    trigger_word    text        not null,
    params          jsonb       not null,
    compute_task_id uuid unique,
    task_sequence   int         not null default 0,
    result          jsonb,
    error_message   text,
    event_at        timestamptz,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    completed_at    timestamptz
);
create index training_org_list_idx on training (organization_id, created_at desc, id desc) where organization_id is not null;
create index training_personal_list_idx on training (owner_id, created_at desc, id desc) where organization_id is null;

-- Whether a caller may use a catalog row a request names (tenancy/README.md's predicate, plus admin-published rows).
create function hub_visible(row_owner uuid, row_org uuid, row_public boolean, caller uuid, caller_superuser boolean)
returns boolean language sql stable as $$
    select row_public or caller_superuser
        or (row_org is null and row_owner = caller)
        or row_org in (select organization_id from organization_member where user_id = caller)
$$;
