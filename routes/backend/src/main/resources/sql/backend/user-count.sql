select count(*) from app_user
 where cast(:#search as text) is null
    or email ilike cast(:#search as text) escape '\' or full_name ilike cast(:#search as text) escape '\'
