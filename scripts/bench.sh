#!/usr/bin/env bash
# Runs tunecost's speed budgets as Go benchmarks and writes docs/performance.md:
# medians against the budgets, the machine, the date, how the engine scales,
# and the resident memory of a running planner. The raw output (benchstat's
# input format) is kept in docs/bench.txt: `benchstat docs/bench.txt`.
#
#   scripts/bench.sh            # 8 rounds of every benchmark
#   COUNT=3 scripts/bench.sh    # quicker
set -euo pipefail
cd "$(dirname "$0")/.."
count="${COUNT:-8}"
raw=docs/bench.txt
out=docs/performance.md

# Hand-written sections (measurements by hand, the test suite's time) sit
# below this marker in docs/performance.md; a run keeps them as they are.
marker='<!-- kept by scripts/bench.sh: hand-written sections below -->'
kept=$(awk -v m="$marker" '$0 == m {on = 1} on' "$out" 2>/dev/null || true)

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# Every benchmark once per round, $count rounds: on a shared machine the
# load changes by the minute, and a benchmark and its large-catalog twin
# measured minutes apart would compare the load, not the code.
: > "$raw"
for _ in $(seq "$count"); do
  go test -run '^$' -bench . -benchmem -count 1 ./bench ./views | tee -a "$raw"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# median NAME: the median ns/op of a benchmark over its runs.
median() {
  grep -E "^$1-[0-9]+ " "$raw" | awk '{print $3}' | sort -g |
    awk '{v[NR]=$1} END {if (NR==0) {print "n/a"; exit} m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; print m}'
}
fastest() { # NAME: the fastest ns/op of a benchmark over its runs, what an idle machine shows
  grep -E "^$1-[0-9]+ " "$raw" | awk '{print $3}' | sort -g | head -1 | awk '{print} END {if (NR==0) print "n/a"}'
}
human() { # ns → µs/ms
  awk -v n="$1" 'BEGIN { if (n=="n/a") print n; else if (n<1e3) printf "%.0f ns", n; else if (n<1e6) printf "%.1f µs", n/1e3; else printf "%.1f ms", n/1e6 }'
}
ratio() { # ns_large ns_builtin → "1.05×"
  awk -v a="$1" -v b="$2" 'BEGIN { if (a=="n/a" || b=="n/a" || b==0) print "n/a"; else printf "%.2f×", a/b }'
}
verdict() { # ns budget_ns
  awk -v n="$1" -v b="$2" 'BEGIN { if (n=="n/a") print "not run"; else if (n<=b) print "within"; else printf "over by %.0f %%", (n/b-1)*100 }'
}

# Resident memory of the planner on the built-in example after visiting
# every screen, read from /proc.
rss="n/a"
if command -v tmux >/dev/null; then
  # A session and binary of this run's own, so that two runs cannot meet.
  session="tunecost-bench-$$"
  bin="/tmp/$session"
  go build -o "$bin" .
  tmux new-session -d -s "$session" -x 200 -y 60 "$bin"
  sleep 1
  # Visit every screen, the Risk screen's Monte Carlo run included.
  for _ in 1 2 3 4; do tmux send-keys -t "$session" Tab; sleep 1; done
  pid=$(tmux display-message -p -t "$session" '#{pane_pid}' || true)
  if [ -n "$pid" ]; then rss=$(awk '/VmRSS/ {printf "%.1f MB", $2/1024}' /proc/"$pid"/status); fi
  tmux kill-session -t "$session" || true
  rm -f "$bin"
fi

row() { # name budget_ns budget_text: the verdict is the median's
  local m; m=$(median "$1")
  echo "| \`$1\` | $(human "$m") | $(human "$(fastest "$1")") | $3 | $(verdict "$m" "$2") |"
}

{
  echo "# Performance"
  echo
  echo "Written by \`scripts/bench.sh\` on $(date -u +%Y-%m-%d) — medians of $count rounds of every benchmark;"
  echo "raw output in [bench.txt](bench.txt) (\`benchstat docs/bench.txt\`)."
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(go version | cut -d' ' -f3-4)."
  echo
  echo "| benchmark | median | fastest | budget | the median |"
  echo "|---|---:|---:|---:|---|"
  row BenchmarkEvaluate 10000 "10 µs"
  row BenchmarkMonteCarlo10k 20000000 "20 ms"
  row BenchmarkKeystroke 4000000 "4 ms"
  row BenchmarkViewCompare 3000000 "3 ms"
  row BenchmarkViewTimeline 3000000 "3 ms"
  row BenchmarkStartup 40000000 "40 ms"
  row BenchmarkKeystrokeLargeCatalog 4000000 "4 ms"
  row BenchmarkStartupLargeCatalog 40000000 "40 ms"
  row BenchmarkExportMarkdown100 150000000 "150 ms"
  echo "| running planner, resident memory | $rss | | 40 MB | |"
  echo
  echo "## Built-in catalog and a real-size one, side by side"
  echo
  echo "The same run, the same machine: the built-in catalog alone ($(grep -c '^\[\[' pricing/builtin.toml) entries), and with"
  echo "[testdata/large-catalog.toml](../testdata/large-catalog.toml) layered over it with \`--prices\`: LiteLLM's map imported"
  echo "by \`prices import\` to $(grep -c '^\[\[' testdata/large-catalog.toml) entries, the size of its 2026 map (made by"
  echo "\`go test ./bench -run TestLargeCatalogSheet -update\`). A keystroke must not cost more than 1.3× with it."
  echo
  echo "| benchmark | built-in only | large catalog | ratio | fastest run, built-in / large | budget |"
  echo "|---|---:|---:|---:|---:|---|"
  pair() { # builtin large budget_text
    local a b; a=$(median "$1"); b=$(median "$2")
    echo "| \`$1\` | $(human "$a") | $(human "$b") | $(ratio "$b" "$a") | $(human "$(fastest "$1")") / $(human "$(fastest "$2")") | $3 |"
  }
  pair BenchmarkKeystroke BenchmarkKeystrokeLargeCatalog "≤ 4 ms, large ≤ 1.3× built-in"
  pair BenchmarkStartup BenchmarkStartupLargeCatalog "≤ 40 ms to the first frame"
  pair BenchmarkCatalogFilter BenchmarkCatalogFilterLargeCatalog "none (a key typed into the Catalog filter)"
  echo
  echo "Measured under load: the machine is shared (load average $load_before at the start, $load_after at the"
  echo "end, on $(nproc) cores), so single runs vary by tens of percent: the medians are what to compare, and"
  echo "the fastest run is the nearest to what an idle machine shows."
  echo
  echo "What keeps the large catalog's keystroke at the built-in one's:"
  echo
  echo "- an edit changes only the scenario's values, so the catalog layered from the same parsed sheets"
  echo "  is kept (\`workspace/cache.go\`), not layered again per keystroke; Reload parses and layers afresh;"
  echo "- the Catalog screen rebuilds its rows only when it is shown, and its filter matches against rows"
  echo "  lower-cased and fitted once per catalog and layout (\`views/catalog.go\`)."
  echo
  echo "What the first frame pays for a large sheet is reading it once: the sheet is decoded in two halves"
  echo "while its position index is built, all at once (\`pricing/decode.go\`, falling back to the whole file"
  echo "whenever the halves might differ from it); field positions and entry labels are worked out only for"
  echo "a message; the maps are made at their final size."
  echo
  echo "## How the engine scales"
  echo
  echo "\`BenchmarkEvaluateScaling\`: one evaluation (derivations and months are worked out when read, not here) of the"
  echo "built-in example, which models quality (§9, F28's search for the best re-tune cadence included),"
  echo "and of the same without quality's inputs (quality off)."
  echo
  echo "| horizon \\ options | 3 | 10 | 30 |"
  echo "|---|---:|---:|---:|"
  for q in "" "quality=off/"; do
    for h in 12 36 120; do
      line="| $h months, quality ${q:+off}"
      [ -z "$q" ] && line="| $h months, quality on"
      for o in 3 10 30; do
        line="$line | $(human "$(median "BenchmarkEvaluateScaling/${q}horizon=$h/options=$o")")"
      done
      echo "$line |"
    done
  done
} > "$out"
if [ -n "$kept" ]; then
  printf '\n%s\n' "$kept" >> "$out"
fi
echo "wrote $out"
