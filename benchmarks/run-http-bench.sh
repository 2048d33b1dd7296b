#!/usr/bin/env bash
# HttpData -> HttpData through the signaling API of a launched node (issue 3), each figure beside a
# baseline measured in the same run. Usage:
#   benchmarks/run-http-bench.sh [rounds=3] [smallRounds=10] [startRounds=5] [sizeMiB=1024]
#   benchmarks/run-http-bench.sh start-variants <rounds> '<FERRY_OPTS 1>' '<FERRY_OPTS 2>' ...
#     (node start and idle RSS only, the option sets interleaved round by round; '' = none)
# Environment: FERRY_OPTS  JVM options for the node (as for bin/ferry), e.g. FERRY_OPTS=-XX:+UseSerialGC
#              FERRY_DIST  the distribution to copy and start (default launcher/target/ferry, built if missing)
#              BENCH_HTTPS=1  serve the source over TLS (test certificate, trusted by the node) to see decryption's cost
# The table is printed and written to benchmarks/target/http-bench.md; the node's console is in its
# temporary home (deleted at the end). Needs curl and Linux (/proc for resident memory).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dist=$(realpath -m "${FERRY_DIST:-$root/launcher/target/ferry}")
if [ ! -x "$dist/bin/ferry" ]; then
  if [ -n "${FERRY_DIST:-}" ]; then echo "FERRY_DIST=$FERRY_DIST has no bin/ferry" >&2; exit 2; fi
  echo "building the distribution ($dist)"
  "$root/mvnw" -B -q -o package -pl launcher -DskipTests >/dev/null
fi
# Only this module: the bundles, the launcher and test-support come from their own builds (~/.m2, the distribution).
"$root/mvnw" -B -q -o package -pl benchmarks -DskipTests >/dev/null
cp_file="$root/benchmarks/target/classes:$(cat "$root/benchmarks/target/classpath.txt")"
java_bin="$(JAVA_HOME= "$root/mvnw" -v 2>/dev/null | sed -n 's/^Java version.*runtime: //p')/bin/java"
logging=-Dlogback.configurationFile="$dist/config/logback.xml"
if [ "${1:-}" = start-variants ]; then
  shift
  exec "$java_bin" "$logging" -cp "$cp_file" dev.ferry.bench.http.NodeStartBench "$dist" "$@"
fi
exec "$java_bin" "$logging" -Dbench.https="${BENCH_HTTPS:+true}" -cp "$cp_file" dev.ferry.bench.http.HttpSignalingBench \
  "$dist" "$root/benchmarks/target/http-bench.md" "$@"
