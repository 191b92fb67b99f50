#!/usr/bin/env bash
# The second quick-start command: install what is missing, build, run every test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
cd build && ctest -j2 --output-on-failure
