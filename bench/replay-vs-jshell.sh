#!/usr/bin/env bash
# Compares the time to run one .jsh script three ways, in the same run, interleaved:
#   replay  ./sockshell replay (jdk.jshell API, local execution engine, this project)
#   jshell  stock jshell with its default engine (snippets run in a second JVM, over JDI)
#   local   stock jshell with its hidden --execution local option (snippets run in its own JVM;
#           JDK 17 does not give that engine jshell's --class-path, so the jar also goes on
#           jshell's own class path)
# Each tool runs bench/one-snippet.jsh (start-up plus one snippet) and the script. The
# per-snippet time is (script - one-snippet) / (snippets - 1). Medians over RUNS runs, of wall
# time and of processor time (user + system, which a busy machine disturbs less).
#
# Usage: bench/replay-vs-jshell.sh [SCRIPT] [RUNS]      (default jshell-scripts/sendall.jsh, 5)
# JAVA_HOME picks the JDK (its java and jshell). SOCKSHELL_JAVA_OPTS adds JVM options to the
# replay, as the launcher does. This is a benchmark, not a test: the numbers depend on the
# machine and on what else it is running.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
script="${1:-jshell-scripts/sendall.jsh}"
runs="${2:-5}"
jar="$here/target/sockshell.jar"
bin="${JAVA_HOME:+$JAVA_HOME/bin/}"
baseline="bench/one-snippet.jsh"
cd "$here"

snippets=$(./sockshell replay --color=never "$script" < /dev/null | grep -cE '^ *[0-9]+> ' || true)
if [ "$snippets" -lt 2 ]; then
  echo "bench: $script has $snippets snippets; it needs at least 2" >&2
  exit 1
fi

# Runs one tool on one file, its output thrown away; prints "wall cpu" in milliseconds.
# (Each tool is first checked to run the script without an error, so no failing run is timed.)
run() {
  local tool="$1" file="$2" times
  TIMEFORMAT='%3R %3U %3S'
  times=$( { time {
    case "$tool" in
      replay) ./sockshell replay --color=never "$file" ;;
      jshell) "${bin}jshell" --class-path "$jar" "$file" ;;
      local)  "${bin}jshell" -J-Djava.class.path="$jar" --execution local --class-path "$jar" "$file" ;;
    esac < /dev/null > /dev/null 2>&1
  } ; } 2>&1 )
  awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' <<< "$times"
}

for tool in replay jshell local; do
  case "$tool" in
    replay) output=$(./sockshell replay --color=never "$script" < /dev/null 2>&1) ;;
    jshell) output=$("${bin}jshell" --class-path "$jar" "$script" < /dev/null 2>&1) ;;
    local)  output=$("${bin}jshell" -J-Djava.class.path="$jar" --execution local --class-path "$jar" "$script" < /dev/null 2>&1) ;;
  esac
  if grep -qE '^(\|  )?(Exception |Error:)|^[a-z]+\.jsh:[0-9]+: ' <<< "$output"; then
    echo "bench: $tool does not run $script cleanly:" >&2
    grep -E '^(\|  )?(Exception |Error:)|^[a-z]+\.jsh:[0-9]+: ' <<< "$output" | head -5 >&2
    exit 1
  fi
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

declare -A wall cpu
tools=(replay jshell local)
for ((i = 1; i <= runs; i++)); do
  for tool in "${tools[@]}"; do
    for kind in base script; do
      file=$([ "$kind" = base ] && echo "$baseline" || echo "$script")
      read -r w c <<< "$(run "$tool" "$file")"
      wall[$tool.$kind]+="$w "
      cpu[$tool.$kind]+="$c "
    done
  done
  echo "bench: run $i of $runs done" >&2
done

med() { tr ' ' '\n' <<< "$1" | grep . | median; }
echo "script: $script ($snippets snippets), $runs runs, medians; $("${bin}java" -version 2>&1 | head -1)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for measure in wall cpu; do
  declare -n table="$measure"
  echo
  echo "$measure time"
  printf '%-8s %14s %12s %14s %12s\n' tool "one snippet" script "per snippet" "x jshell"
  reference=$(med "${table[jshell.script]}")
  for tool in "${tools[@]}"; do
    base=$(med "${table[$tool.base]}")
    whole=$(med "${table[$tool.script]}")
    per=$(awk -v w="$whole" -v b="$base" -v n="$snippets" 'BEGIN { printf "%.1f", (w - b) / (n - 1) }')
    ratio=$(awk -v j="$reference" -v w="$whole" 'BEGIN { printf "%.1f", j / w }')
    printf '%-8s %11s ms %9s ms %11s ms %12s\n' "$tool" "$base" "$whole" "$per" "$ratio"
  done
done
