#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang, ASan + UBSan) in build-asan/ and runs each one for
# a bounded time, starting from its committed seed corpus (docs/reliability.md).
#   scripts/fuzz.sh [seconds per target, default 30] [target...]   e.g. scripts/fuzz.sh 600 query
# New inputs libFuzzer finds go to build-asan/fuzz-corpus/<target>/ (kept between runs, never
# into the repository); a crashing input is saved as build-asan/fuzz-artifacts/<target>-crash-*.
# Exits non-zero if any target found a crash, a leak, a sanitizer report or a hang.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
targets=("$@")
((${#targets[@]})) ||
  targets=(page_reader diploma_reader akn_reader jsonl_reader dre_json_reader query analyzer)

scripts/configure-asan.sh
nice -n 10 cmake --build build-asan -j"$(nproc)" --target fuzz

# Longest input per target: above every seed and the caps that matter for it (a query past
# kMaxQueryBytes = 1024 is refused, +1 for the options byte), small enough to stay fast.
declare -A max_len=([page_reader]=8192 [diploma_reader]=8192 [akn_reader]=8192
                    [jsonl_reader]=4096 [dre_json_reader]=4096 [query]=1100 [analyzer]=2048)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
mkdir -p build-asan/fuzz-artifacts
failed=()
for t in "${targets[@]}"; do
  mkdir -p "build-asan/fuzz-corpus/$t"
  echo "== fuzz_$t: ${seconds}s"
  # -timeout: one input running 20 s under ASan is a hang. The first corpus directory receives
  # the new inputs; the seeds are only read.
  if ! build-asan/fuzz/fuzz_"$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
      -max_len="${max_len[$t]}" -print_final_stats=1 \
      -artifact_prefix="build-asan/fuzz-artifacts/$t-" \
      "build-asan/fuzz-corpus/$t" "fuzz/corpus/$t" > "build-asan/fuzz-$t.log" 2>&1; then
    failed+=("$t")
    tail -n 60 "build-asan/fuzz-$t.log"
  fi
  grep -E '^stat::number_of_executed_units|^Done [0-9]+ runs' "build-asan/fuzz-$t.log" || true
done
if ((${#failed[@]})); then
  echo "fuzzing found problems in: ${failed[*]} (inputs in build-asan/fuzz-artifacts/)" >&2
  exit 1
fi
