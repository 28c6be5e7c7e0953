#!/usr/bin/env bash
# FAL slot utilisation: N GENERATION tasks (default 200) against the simulator at 2 s latency, worked by two
# compute-hub jar processes (production settings, their own database and Redis keys) sharing the Redis semaphore at
# 50, after W unmeasured warm-up tasks (default 0; the JIT of both hubs settles after a few thousand). Prints achieved
# tasks/s over the whole run and in the steady state (middle 80 % of completions), the Little's-law ceiling
# 50 / 2 s = 25/s, their ratio (goal >= 0.95), the peak in flight seen by the simulator (must be <= 50) and where a
# task's time went.
# Usage: tests/bench/fal-slots.sh [tasks] [warm-up tasks]   (uses the machine's PostgreSQL and Redis like the e2e tests)
# Recorded in docs/BENCHMARKS.md with: tests/bench/fal-slots.sh 1000 5000
set -euo pipefail
cd "$(dirname "$0")/../.."
TASKS=${1:-200}
WARMUP=${2:-0}
mvn -B -q -o verify -pl tests/e2e -am -Dtest=FalConcurrencyTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dhub.bench.fal-tasks="$TASKS" -Dhub.bench.fal-warmup="$WARMUP" >/tmp/fal-slots-bench.log 2>&1 || { tail -30 /tmp/fal-slots-bench.log; exit 1; }
grep -h "FAL slots" tests/e2e/target/surefire-reports/*FalConcurrencyTest-output.txt
