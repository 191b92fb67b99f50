#!/usr/bin/env bash
# Server load benchmark: indexes the bundled corpus into a scratch database, starts
# portaria-server on a free loopback port and runs 8 clients for 10 s against /search
# (bench/server_load.cc). Usage: bench/server_load.sh [CLIENTS [SECONDS]]; needs a build.
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-8}
seconds=${2:-10}
work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
build/bin/portaria-index --db "$work/db" corpus/ >/dev/null
build/bin/portaria-server --db "$work/db" --port 0 --threads "$clients" >"$work/server.out" &
server_pid=$!
for _ in $(seq 100); do
  grep -q listening "$work/server.out" 2>/dev/null && break
  sleep 0.1
done
port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/server.out")
[ -n "$port" ] || { echo "server did not start" >&2; exit 1; }
echo "$(nproc) CPUs, corpus/ ($(du -sh "$work/db" | cut -f1) database)"
build/bin/portaria-server-load --port "$port" --clients "$clients" --seconds "$seconds"
