#!/usr/bin/env bash
# Matting pipeline timings on a U2NET-sized graph (u2netp's architecture, random weights).
# Usage: tests/bench/matting.sh [runs per measurement, default 30] [seconds per throughput run, default 20]
# Needs Debian's python3-onnx and python3-numpy for /usr/bin/python3 (apt-get install python3-onnx python3-numpy).
# The 4.5 MB model is generated into tests/bench/target/ (not committed). Prints Markdown tables.
set -euo pipefail
cd "$(dirname "$0")/../.."
MODEL=tests/bench/target/u2netp-random.onnx
mkdir -p tests/bench/target
[ -f "$MODEL" ] || /usr/bin/python3 tests/bench/make_u2netp.py "$MODEL"
mvn -B -q -o package -pl tests/bench -am -DskipTests
# an argument file: ONNX Runtime 1.29 crashes on JVM command lines longer than about 4 KB (processors/README.md)
printf -- '-cp %s\n' "tests/bench/target/classes:processors/target/classes:$(cat tests/bench/target/classpath.txt)" > tests/bench/target/java.args
exec java ${JAVA_OPTS:-} @tests/bench/target/java.args com.sartiq.hub.bench.MattingBenchmark "$MODEL" "${1:-30}" "${2:-20}"
