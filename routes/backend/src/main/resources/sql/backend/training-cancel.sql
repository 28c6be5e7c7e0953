update training set status = 'cancelled', updated_at = now(), completed_at = now()
 where id = cast(:#trainingId as uuid) and status in ('pending', 'running')
