#!/usr/bin/env bash
# The whole test suite again, built with AddressSanitizer + UBSan (build-asan/, clang), then a
# short run of every fuzz target from its committed seeds (docs/reliability.md). Part of
# scripts/test.sh; PORTARIA_FUZZ_SECONDS sets the run per target (default 30).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/configure-asan.sh
cmake --build build-asan -j"$(nproc)"
# A UBSan report fails the test that triggers it (by default UBSan prints and carries on).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
(cd build-asan && ctest -j2 --output-on-failure)
scripts/fuzz.sh "${PORTARIA_FUZZ_SECONDS:-30}"
