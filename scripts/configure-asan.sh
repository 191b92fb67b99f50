#!/usr/bin/env bash
# Configures (once) build-asan/: clang, AddressSanitizer + UBSan, and libFuzzer coverage so the
# same build holds the sanitized test suite and the fuzz targets (one build instead of two on
# CI's two cores). -O1: the speed sanitizers are usually run at; line tables for stack traces.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build-asan/CMakeCache.txt ] && exit 0
cmake -S . -B build-asan -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
  "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -gline-tables-only" -DPORTARIA_SANITIZE=ON -DPORTARIA_FUZZ=ON
