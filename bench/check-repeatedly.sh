#!/usr/bin/env bash
# Runs 'sockshell check transcripts/' RUNS times in a row (default 50) while another core is
# kept busy, and stops at the first failure. Prints each run's wall time and a summary.
#
#   bench/check-repeatedly.sh [RUNS]      (needs a JDK and Maven)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
runs="${1:-50}"
cd "$root"
if [ ! -f cp.txt ] || [ ! -d target/classes ]; then
  mvn -q -B compile dependency:build-classpath -Dmdep.outputFile=cp.txt >&2
fi
classpath="target/classes:$(cat cp.txt)"
yes > /dev/null &
busy=$!
trap 'kill "$busy"' EXIT
times=()
for ((run = 1; run <= runs; run++)); do
  start=$(date +%s.%N)
  if ! output=$(java -cp "$classpath" io.sockshell.Main check transcripts/ 2>&1); then
    echo "run $run of $runs FAILED:"
    echo "$output"
    exit 1
  fi
  end=$(date +%s.%N)
  took=$(python3 -c "print(f'{$end - $start:.2f}')")
  times+=("$took")
  echo "run $run: ok, ${took} s ($(echo "$output" | tail -1))"
done
python3 -c "
import statistics, sys
t = [float(x) for x in sys.argv[1:]]
print(f'{len(t)} runs passed; wall time per check: min {min(t):.2f} s, median {statistics.median(t):.2f} s, max {max(t):.2f} s')
" "${times[@]}"
