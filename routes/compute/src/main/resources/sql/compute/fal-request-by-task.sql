select provider_request::text as provider_request, status from task where id = cast(:#taskId as uuid)
