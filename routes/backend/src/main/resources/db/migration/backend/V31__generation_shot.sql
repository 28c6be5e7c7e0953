-- Generations made for a shot (POST /shots/{id}/generate) point at it; deleting the shot (its look changed
-- shot types, or was deleted) keeps the generation and its predictions, unlinked.
alter table generation
    add constraint generation_shot_fk foreign key (shot_id) references shot (id) on delete set null;
