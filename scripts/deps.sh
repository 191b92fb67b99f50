#!/usr/bin/env bash
# Installs the Debian 12 packages portaria builds and runs with (only those missing).
set -euo pipefail
packages=(
  build-essential cmake pkg-config git python3
  libxapian-dev xapian-tools libicu-dev libpugixml-dev nlohmann-json3-dev libcli11-dev
  libhunspell-dev hunspell-pt-pt hunspell-pt-br libgtest-dev googletest
  libcpp-httplib-dev chromium
  libjemalloc-dev  # portaria-index's allocator (CMakeLists.txt, README "Why these packages")
  clang libclang-rt-14-dev llvm-14  # the sanitized suite and libFuzzer (scripts/sanitize.sh); llvm-14
                                    # brings llvm-symbolizer, for readable sanitizer stack traces
  wportuguese  # the word list ../shared/bench/gen_corpus.py draws the benchmark corpus from (bench/scale.sh)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
