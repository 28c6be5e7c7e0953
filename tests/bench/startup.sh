#!/usr/bin/env bash
# Cold start and idle RSS of each hub, started exactly as a container would start it (java -jar on
# the packaged jar) against the machine's PostgreSQL and Redis, and the bundled matting model.
# Usage: tests/bench/startup.sh [runs]   (needs ./hub build first; prints a Markdown table)
#   JAVA_OPTS            JVM options for both hubs (default: none, i.e. the JVM's own heap sizing)
#   HUB_BENCH_CONSOLES   which dev-console settings to measure (default "false true")
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
PG_URL=${HUB_BENCH_PG:-jdbc:postgresql://127.0.0.1:5432}
REDIS=${HUB_BENCH_REDIS:-redis://127.0.0.1:6379/0}
psql -h 127.0.0.1 -U postgres -qAt -c "drop database if exists bench_backend" -c "drop database if exists bench_compute" \
  -c "create database bench_backend" -c "create database bench_compute" >/dev/null

common_env() {
  export HUB_REDIS_URL=$REDIS HUB_S3_ENDPOINT=http://127.0.0.1:1 HUB_S3_REGION=us-east-1 HUB_S3_ACCESS_KEY=x HUB_S3_SECRET_KEY=y
  export HUB_COMPUTE_API_KEY=bench-key HUB_WEBHOOK_SECRET=bench-secret HUB_JWT_SECRET=bench-jwt-secret-of-at-least-32-bytes
  export HUB_COMPUTE_REDIS_URL=$REDIS HUB_MATTING_DEMO_MODEL=true
}

measure() { # hub port db console
  local hub=$1 port=$2 db=$3 console=$4
  common_env
  export HUB_DB_URL=$PG_URL/$db HUB_DEV_CONSOLE=$console HUB_BACKEND_PORT=$port HUB_COMPUTE_PORT=$port
  local start end pid rss
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -jar "app/$hub/target/$hub-exec.jar" >"/tmp/bench-$hub.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 $pid 2>/dev/null; then echo "$hub died, see /tmp/bench-$hub.log" >&2; exit 1; fi
    sleep 0.1
  done
  end=$(date +%s%N)
  sleep 10
  rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  kill $pid; wait $pid 2>/dev/null || true
  echo "$(( (end - start) / 1000000 )) $(( rss / 1024 ))"
}

echo "JVM options: ${JAVA_OPTS:-(none)}"
echo
echo "| hub | dev console | cold start to ready (ms, median of $RUNS) | idle RSS after 10 s (MiB, median) |"
echo "|---|---|---|---|"
for hub in backend-hub compute-hub; do
  for console in ${HUB_BENCH_CONSOLES:-false true}; do
    starts=(); rsss=()
    for _ in $(seq "$RUNS"); do
      read -r ms mib < <(measure "$hub" 18765 "bench_${hub%-hub}" "$console")
      starts+=("$ms"); rsss+=("$mib")
    done
    median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
    echo "| $hub | $console | $(median "${starts[@]}") | $(median "${rsss[@]}") |"
  done
done
