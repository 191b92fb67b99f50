#!/usr/bin/env bash
# Builds portaria-bench (incrementally, optimised) and runs it with its defaults: corpus/ and, if
# present, ../shared/corpus/br-akn/, questions from ../shared/eval/questions.jsonl. Extra
# arguments go to portaria-bench (e.g. --json, --repeat 10, --index-runs 3, --per-question).
# BUILD_DIR picks the build tree (default build/); it must be a Release or RelWithDebInfo one,
# because timings of an unoptimised or sanitised build say nothing about the real thing.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")
sanitize=$(sed -n 's/^PORTARIA_SANITIZE:[A-Z]*=//p' "$build/CMakeCache.txt")
case "$type" in
  Release | RelWithDebInfo) ;;
  *)
    echo "bench/run.sh: $build is a '$type' build; use BUILD_DIR=build-bench for an optimised one" >&2
    exit 1
    ;;
esac
if [ "$sanitize" = "ON" ]; then
  echo "bench/run.sh: $build has PORTARIA_SANITIZE=ON; use BUILD_DIR=build-bench" >&2
  exit 1
fi
cmake -S . -B "$build" >/dev/null
cmake --build "$build" -j2 --target portaria-bench >/dev/null
echo "portaria-bench ($type, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
exec "$build/bin/portaria-bench" "$@"
