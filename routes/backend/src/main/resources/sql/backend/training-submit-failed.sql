update training set status = 'failed', error_message = :#errorMessage, updated_at = now(), completed_at = now()
 where id = cast(:#trainingId as uuid)
