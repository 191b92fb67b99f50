#!/usr/bin/env bash
# Plots query latency against index size for portaria and plain Xapian from the figures that
# bench/scale.sh printed (bench/scale-results.tsv: paragraphs, engine, p50_ms, p99_ms, one line
# per engine and size, all measured in the same session). Writes bench/scale-latency.png.
# Bench-only tool: needs gnuplot (Debian: apt-get install gnuplot-nox); nothing else uses it.
set -euo pipefail
cd "$(dirname "$0")"
data=scale-results.tsv
out=scale-latency.png
command -v gnuplot >/dev/null || { echo "gnuplot not found: apt-get install gnuplot-nox" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for engine in portaria xapian; do
  awk -F'\t' -v e="$engine" 'NR > 1 && $2 == e { print $1, $3, $4 }' "$data" | sort -n >"$tmp/$engine"
done
gnuplot <<GNUPLOT
set terminal png size 900,560 font ",11"
set output "$out"
set title "Query latency against index size (bench/scale.sh, ../shared/bench queries, one warm process)"
set xlabel "paragraphs indexed"
set ylabel "latency per query (ms)"
set logscale xy
set xrange [15000:1500000]
set format x "%.0s%c"
set grid
set key top left
plot "$tmp/portaria" using 1:2 with linespoints lw 2 pt 7 lc rgb "#1f77b4" title "portaria p50", \
     "$tmp/portaria" using 1:3 with linespoints lw 2 pt 5 dt 2 lc rgb "#1f77b4" title "portaria p99", \
     "$tmp/xapian" using 1:2 with linespoints lw 2 pt 7 lc rgb "#d62728" title "plain Xapian p50", \
     "$tmp/xapian" using 1:3 with linespoints lw 2 pt 5 dt 2 lc rgb "#d62728" title "plain Xapian p99"
GNUPLOT
echo "wrote bench/$out"
