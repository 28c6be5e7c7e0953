delete from worker where id = :#workerId
