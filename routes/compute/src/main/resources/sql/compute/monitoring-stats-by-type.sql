select task_type, status, count(*)::bigint as tasks from task group by task_type, status order by task_type, status
