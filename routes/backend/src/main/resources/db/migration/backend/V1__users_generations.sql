create table app_user (
    id              uuid primary key,
    email           text        not null,
    hashed_password text        not null,
    full_name       text,
    is_active       boolean     not null default true,
    is_superuser    boolean     not null default false,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create unique index app_user_email_idx on app_user (lower(email));

create table generation (
    id              uuid primary key,
    owner_id        uuid        not null references app_user (id),
    status          text        not null default 'pending',
    prompt          text        not null,
    negative_prompt text,
    width           int         not null,
    height          int         not null,
    batch_size      int         not null,
    progress        int         not null default 0,
    error_message   text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    completed_at    timestamptz
);
create index generation_owner_idx on generation (owner_id, created_at desc);

create table prediction (
    id               uuid primary key,
    generation_id    uuid        not null references generation (id) on delete cascade,
    seed             bigint      not null,
    status           text        not null default 'pending',
    progress         int         not null default 0,
    compute_task_id  uuid unique,
    -- the last compute event applied: older or repeated events change nothing
    task_sequence    int         not null default 0,
    result_image_url text,
    width            int,
    height           int,
    error_message    text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create index prediction_generation_idx on prediction (generation_id);
