#!/usr/bin/env bash
# Query latency at a given index size, portaria against plain Xapian, on the shared inputs
# (../shared/bench): one synthetic corpus of N paragraphs indexed by both, the same queries
# asked of both by one warm process each. Prints one JSON object a line per engine and the
# ratios. Usage: bench/scale.sh [N=100000] [QUERIES=1000]. Work files go to $WORK
# (default /tmp/portaria-scale-N); they are kept so that a second run skips the indexing.
# Needs an optimised build in build/ (bench/run.sh says why) and ../shared/bench.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
queries=${2:-1000}
shared=../shared/bench
work=${WORK:-/tmp/portaria-scale-$n}
mkdir -p "$work"
[ -x "$work/xapian_tool" ] || make -s -C "$shared/baseline" OUT="$work" >/dev/null
head -n "$queries" "$shared/queries.txt" >"$work/queries.txt"
if [ ! -f "$work/corpus.jsonl" ]; then
  python3 "$shared/gen_corpus.py" "$n" "$work/corpus.jsonl" --tsv "$work/corpus.tsv" >/dev/null
fi
if [ ! -d "$work/xapian.db" ]; then
  start=$(date +%s.%N)
  "$work/xapian_tool" index "$work/corpus.tsv" "$work/xapian.db" >/dev/null
  echo "{\"engine\":\"xapian\",\"index_s\":$(echo "$(date +%s.%N) - $start" | bc)," \
    "\"db_mib\":$(du -sm "$work/xapian.db" | cut -f1)}"
fi
if [ ! -d "$work/portaria.db" ]; then
  start=$(date +%s.%N)
  # A bulk load is compacted when it ends (--compact, docs/scaling.md): the time includes it.
  build/bin/portaria-index --compact --db "$work/portaria.db" "$work/corpus.jsonl" >/dev/null
  echo "{\"engine\":\"portaria\",\"index_s\":$(echo "$(date +%s.%N) - $start" | bc)," \
    "\"db_mib\":$(du -sm "$work/portaria.db" | cut -f1)}"
fi
# Both warm up on the first 100 queries, as the baseline's documented run does.
xapian=$("$work/xapian_tool" bench "$work/xapian.db" "$work/queries.txt" 100)
echo "{\"engine\":\"xapian\",\"queries\":$queries,\"bench\":$xapian}"
cat <(head -n 100 "$work/queries.txt") "$work/queries.txt" |
  build/bin/portaria-search --db "$work/portaria.db" --queries-from - | tail -n +101 \
  >"$work/portaria.out"
python3 - "$work/portaria.out" "$xapian" <<'EOF'
import json, statistics, sys
answers = [json.loads(line) for line in open(sys.argv[1])]
took = sorted(a["took_ms"] for a in answers)
def pct(p):
    return took[min(len(took) - 1, int(p / 100 * len(took)))]
mine = {"p50_ms": round(pct(50), 2), "p99_ms": round(pct(99), 2),
        "mean_ms": round(statistics.mean(took), 2)}
# Where the mean query's time went, step by step (SearchResponse::Phases).
steps = {k: round(statistics.mean(a["phases_ms"][k] for a in answers), 3)
         for k in answers[0]["phases_ms"]}
print(json.dumps({"engine": "portaria", "queries": len(took), "bench": mine,
                  "phases_mean_ms": steps}))
base = json.loads(sys.argv[2])
print(json.dumps({k + "_ratio": round(mine[k] / base[k], 1) for k in mine if base.get(k)}))
EOF
