#!/usr/bin/env bash
# Queue throughput: tasks/s through submit (HTTP) → claim → complete with the instant no-op worker
# (hub.workers.cpu.handler=direct:tasks.noop), then, in the same run and on the same database, pgbench:
# the same three statements per task without HTTP or Camel (queue-floor.sql), and pgbench's built-in
# TPC-B-like transaction. Prints a Markdown table for docs/BENCHMARKS.md.
# Usage: tests/bench/queue.sh [tasks] [clients]   (needs the compute-hub jar: ./hub build or mvn package)
#   HUB_BENCH_PG      JDBC base URL of PostgreSQL (default jdbc:postgresql://127.0.0.1:5432)
#   HUB_BENCH_REDIS   Redis URL (default redis://127.0.0.1:6379/0)
#   HUB_BENCH_SECONDS pgbench duration per run (default 20)
set -euo pipefail
cd "$(dirname "$0")/../.."
TASKS=${1:-3000}
CLIENTS=${2:-16}
SECONDS_PER_RUN=${HUB_BENCH_SECONDS:-20}
PG_URL=${HUB_BENCH_PG:-jdbc:postgresql://127.0.0.1:5432}
PG_HOSTPORT=${PG_URL#jdbc:postgresql://}
PG_HOST=${PG_HOSTPORT%:*}
PG_PORT=${PG_HOSTPORT#*:}
PSQL=(psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -qAt)
DB=bench_queue
PORT=${HUB_BENCH_PORT:-18766}
KEY=bench-key

"${PSQL[@]}" -c "drop database if exists $DB" -c "create database $DB" >/dev/null

export HUB_DB_URL=$PG_URL/$DB HUB_REDIS_URL=${HUB_BENCH_REDIS:-redis://127.0.0.1:6379/0} HUB_REDIS_KEY_PREFIX=bench:
export HUB_S3_ENDPOINT=http://127.0.0.1:1 HUB_S3_REGION=us-east-1 HUB_S3_ACCESS_KEY=x HUB_S3_SECRET_KEY=y
export HUB_COMPUTE_API_KEY=$KEY HUB_WEBHOOK_SECRET=bench-secret HUB_MATTING_DEMO_MODEL=true HUB_DEV_CONSOLE=false HUB_COMPUTE_PORT=$PORT
java -Xmx512m -jar app/compute-hub/target/compute-hub-exec.jar --hub.roles=api,cpu \
  --hub.workers.cpu.handler=direct:tasks.noop --hub.workers.cpu.concurrency=16 --hub.workers.cpu.poll-interval-ms=50 \
  --spring.datasource.hikari.maximum-pool-size=24 --logging.level.com.sartiq.hub=WARN >/tmp/bench-queue-hub.log 2>&1 &
HUB=$!
trap 'kill $HUB 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
  kill -0 $HUB 2>/dev/null || { echo "compute-hub died, see /tmp/bench-queue-hub.log" >&2; exit 1; }
  sleep 0.2
done

# warm-up (JIT, connection pools), then the measured run
java tests/bench/QueueBench.java "http://127.0.0.1:$PORT" $KEY 500 "$CLIENTS" >/dev/null
read -r SUBMIT_S TOTAL_S < <(java tests/bench/QueueBench.java "http://127.0.0.1:$PORT" $KEY "$TASKS" "$CLIENTS")
LATENCY=$("${PSQL[@]}" -d $DB -c "select round(percentile_cont(0.5) within group (order by extract(epoch from completed_at - created_at))::numeric * 1000),
  round(percentile_cont(0.99) within group (order by extract(epoch from completed_at - created_at))::numeric * 1000)
  from (select * from task where queue = 'cpu' order by created_at desc limit $TASKS) t" | tr '|' ' ')
kill $HUB; wait $HUB 2>/dev/null || true
trap - EXIT

FLOOR=$(pgbench -h "$PG_HOST" -p "$PG_PORT" -U postgres -n -c "$CLIENTS" -j 2 -T "$SECONDS_PER_RUN" -f tests/bench/queue-floor.sql $DB 2>/dev/null \
  | awk '/^tps/ {print $3}')
pgbench -h "$PG_HOST" -p "$PG_PORT" -U postgres -q -i -s 10 $DB >/dev/null 2>&1
TPCB=$(pgbench -h "$PG_HOST" -p "$PG_PORT" -U postgres -n -c "$CLIENTS" -j 2 -T "$SECONDS_PER_RUN" $DB 2>/dev/null | awk '/^tps/ {print $3}')

QUEUE=$(awk -v n="$TASKS" -v t="$TOTAL_S" 'BEGIN {printf "%.0f", n / t}')
SUBMIT=$(awk -v n="$TASKS" -v t="$SUBMIT_S" 'BEGIN {printf "%.0f", n / t}')
read -r P50 P99 <<<"$LATENCY"
echo "| measure | per second | ratio to the queue floor |"
echo "|---|---|---|"
echo "| compute-hub, $TASKS tasks: submit (HTTP, $CLIENTS clients) → claim → no-op → complete | $QUEUE tasks/s | $(awk -v a="$QUEUE" -v b="$FLOOR" 'BEGIN {printf "%.2f", a / b}') |"
echo "| compute-hub, submissions accepted | $SUBMIT tasks/s | |"
echo "| pgbench queue-floor.sql (same 3 statements per task, $CLIENTS clients, ${SECONDS_PER_RUN} s) | $(printf '%.0f' "$FLOOR") tasks/s | 1.00 |"
echo "| pgbench built-in TPC-B-like (scale 10, $CLIENTS clients, ${SECONDS_PER_RUN} s) | $(printf '%.0f' "$TPCB") tx/s | |"
echo
echo "Task latency created → completed: p50 ${P50} ms, p99 ${P99} ms."
"${PSQL[@]}" -c "drop database if exists $DB" >/dev/null
