#!/usr/bin/env bash
# Runs tunecost's speed budgets as Go benchmarks and writes docs/performance.md:
# medians against the budgets, the machine, the date, how the engine scales,
# and the resident memory of a running planner. The raw output (benchstat's
# input format) is kept in docs/bench.txt: `benchstat docs/bench.txt`.
#
#   scripts/bench.sh            # -count 8
#   COUNT=3 scripts/bench.sh    # quicker
set -euo pipefail
cd "$(dirname "$0")/.."
count="${COUNT:-8}"
raw=docs/bench.txt
out=docs/performance.md

go test -run '^$' -bench . -benchmem -count "$count" ./bench ./views | tee "$raw"

# median NAME: the median ns/op of a benchmark over its runs.
median() {
  grep -E "^$1-[0-9]+ " "$raw" | awk '{print $3}' | sort -g |
    awk '{v[NR]=$1} END {if (NR==0) {print "n/a"; exit} m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; print m}'
}
human() { # ns → µs/ms
  awk -v n="$1" 'BEGIN { if (n=="n/a") print n; else if (n<1e3) printf "%.0f ns", n; else if (n<1e6) printf "%.1f µs", n/1e3; else printf "%.1f ms", n/1e6 }'
}
verdict() { # ns budget_ns
  awk -v n="$1" -v b="$2" 'BEGIN { if (n=="n/a") print "not run"; else if (n<=b) print "within"; else printf "over by %.0f %%", (n/b-1)*100 }'
}

# Resident memory of the planner on the built-in example after visiting
# every screen, read from /proc.
rss="n/a"
if command -v tmux >/dev/null; then
  go build -o /tmp/tunecost-bench .
  tmux new-session -d -s tunecost-bench -x 200 -y 60 /tmp/tunecost-bench
  sleep 1
  # Visit every screen, the Risk screen's Monte Carlo run included.
  for _ in 1 2 3 4; do tmux send-keys -t tunecost-bench Tab; sleep 1; done
  pid=$(pgrep -x tunecost-bench | head -1 || true)
  if [ -n "$pid" ]; then rss=$(awk '/VmRSS/ {printf "%.1f MB", $2/1024}' /proc/"$pid"/status); fi
  tmux kill-session -t tunecost-bench || true
fi

row() { # name budget_ns budget_text
  local m; m=$(median "$1")
  echo "| \`$1\` | $(human "$m") | $3 | $(verdict "$m" "$2") |"
}

{
  echo "# Performance"
  echo
  echo "Written by \`scripts/bench.sh\` on $(date -u +%Y-%m-%d) — medians of $count runs;"
  echo "raw output in [bench.txt](bench.txt) (\`benchstat docs/bench.txt\`)."
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(go version | cut -d' ' -f3-4)."
  echo
  echo "| benchmark | median | budget | |"
  echo "|---|---:|---:|---|"
  row BenchmarkEvaluate 10000 "10 µs"
  row BenchmarkMonteCarlo10k 100000000 "100 ms"
  row BenchmarkKeystroke 4000000 "4 ms"
  row BenchmarkViewCompare 3000000 "3 ms"
  row BenchmarkViewTimeline 3000000 "3 ms"
  row BenchmarkStartup 40000000 "40 ms"
  row BenchmarkExportMarkdown100 150000000 "150 ms"
  echo "| running planner, resident memory | $rss | 40 MB | |"
  echo
  echo "## How the engine scales"
  echo
  echo "\`BenchmarkEvaluateScaling\`: one evaluation (derivations are replayed on demand, not here)."
  echo
  echo "| horizon \\ options | 3 | 10 | 30 |"
  echo "|---|---:|---:|---:|"
  for h in 12 36 120; do
    line="| $h months"
    for o in 3 10 30; do
      line="$line | $(human "$(median "BenchmarkEvaluateScaling/horizon=$h/options=$o")")"
    done
    echo "$line |"
  done
} > "$out"
echo "wrote $out"
