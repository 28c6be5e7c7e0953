-- Worker processes announce themselves with a heartbeat, so monitoring can list the workers of every
-- compute-hub instance (not only the one answering) and tell live ones from vanished ones.
create table worker (
    id           text primary key,
    host         text        not null,
    roles        text        not null,
    queues       jsonb       not null,
    started_at   timestamptz not null default now(),
    heartbeat_at timestamptz not null default now(),
    stopping     boolean     not null default false
);
