-- Job history covers every provider call, not only LLM answers: fal's submit, status, result, cancel and
-- synchronous run are recorded too, each row naming its operation.
alter table provider_attempt add column operation text;
update provider_attempt set operation = 'generate' where operation is null;
alter table provider_attempt alter column operation set not null;
