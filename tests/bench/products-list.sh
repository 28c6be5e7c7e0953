#!/usr/bin/env bash
# GET /api/v1/products/ (a page of 20 out of 10 000 products of one organization) at 50 concurrent
# clients against backend-hub started as a container starts it (java -jar), beside the same SQL
# statement timed by pgbench in the same run. Prints a Markdown table.
# Usage: tests/bench/products-list.sh [seconds]   (needs the backend jar: ./hub build, or
#        mvn -B -q -o package -DskipTests -pl app/backend-hub -am)
#   JAVA_OPTS   JVM options of the hub (default: none)
#   CLIENTS     concurrent clients (default 50)
#   WARMUP      seconds of load before measuring, so the JIT has compiled the hot path (default 15)
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_RUN=${1:-20}
CLIENTS=${CLIENTS:-50}
WARMUP=${WARMUP:-15}
PORT=${HUB_BENCH_PORT:-18766}
DB=bench_catalog
REDIS=${HUB_BENCH_REDIS:-redis://127.0.0.1:6379/0}
PSQL=(psql -h 127.0.0.1 -U postgres -qAt)
"${PSQL[@]}" -c "drop database if exists $DB" -c "create database $DB" >/dev/null

export HUB_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB HUB_REDIS_URL=$REDIS HUB_REDIS_KEY_PREFIX=bench-catalog:
export HUB_S3_ENDPOINT=http://127.0.0.1:1 HUB_S3_REGION=us-east-1 HUB_S3_ACCESS_KEY=x HUB_S3_SECRET_KEY=y
export HUB_COMPUTE_API_KEY=bench-key HUB_WEBHOOK_SECRET=bench-secret HUB_JWT_SECRET=bench-jwt-secret-of-at-least-32-bytes
export HUB_COMPUTE_REDIS_URL=$REDIS HUB_DEV_CONSOLE=false HUB_BACKEND_PORT=$PORT
export HUB_FIRST_SUPERUSER=bench@example.com HUB_FIRST_SUPERUSER_PASSWORD=bench-password
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar app/backend-hub/target/backend-hub-exec.jar >/tmp/bench-catalog.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
  kill -0 $pid 2>/dev/null || { echo "backend-hub died, see /tmp/bench-catalog.log" >&2; exit 1; }
  sleep 0.2
done

# 10 000 products of one organization (plus 10 000 of another, so the tenant index has to select)
ORG=$("${PSQL[@]}" -d $DB <<'SQL'
insert into organization (id, name) values ('00000000-0000-0000-0000-00000000000a', 'bench A'), ('00000000-0000-0000-0000-00000000000b', 'bench B');
insert into organization_member (organization_id, user_id, role)
  select '00000000-0000-0000-0000-00000000000a', id, 'member' from app_user where email = 'bench@example.com';
insert into product (id, owner_id, organization_id, name, sku, description, product_family, product_type, created_at)
  select gen_random_uuid(), u.id, o.org, 'Product ' || n, 'SKU-' || n, 'A garment of the benchmark', 'APPAREL', 'dress',
         now() - n * interval '1 second'
    from app_user u, generate_series(1, 10000) n,
         (values ('00000000-0000-0000-0000-00000000000a'::uuid), ('00000000-0000-0000-0000-00000000000b'::uuid)) o(org)
   where u.email = 'bench@example.com';
vacuum analyze product;
select '00000000-0000-0000-0000-00000000000a';
SQL
)
TOKEN=$(curl -fs -d "username=bench@example.com&password=bench-password" "http://127.0.0.1:$PORT/api/v1/login/access-token" \
  | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
URL="http://127.0.0.1:$PORT/api/v1/products/?organization_id=$ORG&limit=20"
curl -fs -H "Authorization: Bearer $TOKEN" "$URL" | grep -q '"count":10000' || { echo "unexpected answer from $URL" >&2; exit 1; }

# the statement the route runs for that request (CatalogSql.list, organization scope, no filter)
cat >/tmp/bench-catalog.sql <<SQL
select c.total as total_count_, p.* from (select count(*) as total from product t where t.organization_id = cast('$ORG' as uuid)) c
 left join lateral (select t.* from product t where t.organization_id = cast('$ORG' as uuid)
 order by t.created_at desc, t.id desc limit 20 offset 0) p on true;
SQL
http=$(java tests/bench/LoadDriver.java "$URL" "$TOKEN" "$CLIENTS" "$WARMUP" "$SECONDS_RUN" | paste -sd' ' || true)
pg1=$(pgbench -h 127.0.0.1 -U postgres -n -M prepared -c 1 -T "$SECONDS_RUN" -f /tmp/bench-catalog.sql $DB 2>/dev/null \
  | awk -F'= ' '/latency average/ {print $2} /^tps/ {split($2,a," "); print a[1]}' | paste -sd' ')
pgn=$(pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$CLIENTS" -j 2 -T "$SECONDS_RUN" -f /tmp/bench-catalog.sql $DB 2>/dev/null \
  | awk -F'= ' '/latency average/ {print $2} /^tps/ {split($2,a," "); print a[1]}' | paste -sd' ')
echo "| what | figures |"
echo "|---|---|"
echo "| GET /api/v1/products/?limit=20 (10k rows), $CLIENTS clients, ${SECONDS_RUN} s after ${WARMUP} s warm-up | $http |"
echo "| same SQL, pgbench 1 client | latency, tps: $pg1 |"
echo "| load average at the end | $(cut -d' ' -f1-3 /proc/loadavg) |"
echo "| same SQL, pgbench $CLIENTS clients | latency, tps: $pgn |"
"${PSQL[@]}" -d $DB -c "explain analyze $(tr -d ';' </tmp/bench-catalog.sql)" | sed 's/^/    /' | head -20
