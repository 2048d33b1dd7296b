#!/usr/bin/env bash
# File→File benchmark (issue 2): Ferry vs cp on the same 1 GiB file, and a 1 GiB transfer in a
# JVM whose heap is capped at 64 MiB. Usage: benchmarks/run-file-bench.sh [dir] [sizeMiB] [rounds]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$(realpath -m "${1:-$root/benchmarks/target/bench-data}")
size=${2:-1024}
rounds=${3:-5}
mkdir -p "$dir"
"$root/mvnw" -B -q -o package -pl benchmarks -am -DskipTests >/dev/null
cp_file="$root/benchmarks/target/classes:$(cat "$root/benchmarks/target/classpath.txt")"
java_bin="$(JAVA_HOME= "$root/mvnw" -v 2>/dev/null | sed -n 's/^Java version.*runtime: //p')/bin/java"
"$java_bin" -Dferry.file.allowedRoots="$dir" -cp "$cp_file" dev.ferry.bench.FileCopyBench "$dir" "$size" "$rounds"
echo "1 GiB File->File with -Xmx64m:"
"$java_bin" -Xmx64m -Dferry.file.allowedRoots="$dir" -cp "$cp_file" dev.ferry.bench.SmallHeapTransfer \
  "$dir/bench-input.bin" "$dir/small-heap-out.bin"
rm -f "$dir/small-heap-out.bin"
