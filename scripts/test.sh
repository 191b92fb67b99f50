#!/usr/bin/env bash
# The second quick-start command: install what is missing, build, run every test suite; then the
# same suites built with ASan + UBSan and a short run of every fuzz target (scripts/sanitize.sh,
# docs/reliability.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
(cd build && ctest -j2 --output-on-failure)
scripts/sanitize.sh
