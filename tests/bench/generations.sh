#!/usr/bin/env bash
# Generations submitted per second end to end: N generations of one prediction (default 300) posted to backend-hub
# by C concurrent clients (default 8), each submitted to compute-hub, run by the fal simulator with no latency,
# stored, and followed back (webhook + Redis) until completed. Prints the submission rate (201 answers) and the
# end-to-end completion rate. Usage: tests/bench/generations.sh [generations] [clients]
# (uses the machine's PostgreSQL and Redis like the e2e tests)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-300}
C=${2:-8}
mvn -B -q -o verify -pl tests/e2e -am -Dtest=GenerationThroughputTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dhub.bench.generations="$N" -Dhub.bench.clients="$C" >/tmp/generations-bench.log 2>&1 || { tail -30 /tmp/generations-bench.log; exit 1; }
grep -h "Generations bench" tests/e2e/target/surefire-reports/*GenerationThroughputTest-output.txt
