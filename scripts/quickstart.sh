#!/usr/bin/env bash
# The first quick-start command: install what is missing, build, index the bundled corpus into
# the default database (build/portaria.db) and answer a question.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
build/bin/portaria-index corpus/
build/bin/portaria-search "${@:-quem paga pensões}"
