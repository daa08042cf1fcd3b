#!/usr/bin/env bash
# How many send/recv steps (commands) per second 'sockshell run' manages on loopback, against a
# python3 program making the same socket calls, measured in the same run.
#
#   bench/steps-per-second.sh [STEPS]     (default 20000: 10,000 round trips; needs a JDK and python3)
#
# SOCKSHELL_BACKENDS="posix nio" measures sockshell once per backend named (--backend), in the
# same run, each on its own line; unset, the default backend of the JDK in use (JAVA_HOME).
#
# sockshell runs through its launcher, as a user runs it (with the launcher's JVM options, and
# its class-data archive once an interactive start has written one).
#
# Both sides run the same calls: set up a connected pair on loopback, then STEPS/2 times
# send(b"x") on the client and recv(1024) on the server, printing each result as the REPL
# would. Start-up and set-up are measured separately (the same program with no send/recv
# steps) and taken off, so the rate is of the steps alone; each figure is the best of 3 runs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
steps="${1:-20000}"
pairs=$((steps / 2))
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
./sockshell --version > /dev/null  # builds the jar if needed, outside the clock

shell_script() {
  local n="$1"
  printf '%s\n' 'socket s' 'bind s 127.0.0.1 0' 'listen s 1' 'socket c' 'connect c localhost s.port' 'accept s conn'
  for ((i = 0; i < n; i++)); do
    printf '%s\n' 'send c "x"' 'recv conn 1024'
  done
  printf '%s\n' 'close c conn s'
}

python_program() {
  local n="$1"
  cat <<PY
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(1)
c = socket.socket(); c.connect(("localhost", s.getsockname()[1]))
conn, addr = s.accept()
for _ in range($n):
    print(repr(c.send(b"x")))
    print(repr(conn.recv(1024)))
c.close(); conn.close(); s.close()
PY
}

shell_script "$pairs" > "$work/steps.txt"
shell_script 0 > "$work/setup.txt"
python_program "$pairs" > "$work/steps.py"
python_program 0 > "$work/setup.py"

# Best wall time of 3 runs of a command, in seconds.
best_of_3() {
  local best=""
  for _ in 1 2 3; do
    local start end took
    start=$(date +%s.%N)
    "$@" > /dev/null
    end=$(date +%s.%N)
    took=$(python3 -c "print($end - $start)")
    best=$(python3 -c "print(min(x for x in ($took, ${best:-$took})))")
  done
  echo "$best"
}

# One "name total setup" line per tool measured.
timings=()
for backend in ${SOCKSHELL_BACKENDS:-default}; do
  if [ "$backend" = default ]; then choose=(); name="sockshell run"; else choose=(--backend "$backend"); name="sockshell run ($backend)"; fi
  ./sockshell "${choose[@]}" run "$work/steps.txt" > /dev/null  # warm-up: the page cache, the kernel's socket memory
  java_steps=$(best_of_3 ./sockshell "${choose[@]}" run "$work/steps.txt")
  java_setup=$(best_of_3 ./sockshell "${choose[@]}" run "$work/setup.txt")
  timings+=("$name|$java_steps|$java_setup")
done
python_steps=$(best_of_3 python3 "$work/steps.py")
python_setup=$(best_of_3 python3 "$work/setup.py")
timings+=("python3|$python_steps|$python_setup")

python3 - "$steps" "${timings[@]}" <<'PY'
import sys
steps = int(sys.argv[1])
def rate(name, total, setup):
    if total - setup < 0.05:
        sys.exit(f"{name}: the steps took {total - setup:.3f} s, too little to tell from start-up; run more steps")
    return steps / (total - setup)
print(f"{steps} send/recv steps on loopback (best of 3 runs each)")
rates = {}
for timing in sys.argv[2:]:
    name, total, setup = timing.split("|")
    rates[name] = rate(name, float(total), float(setup))
    print(f"{name:22} {float(total):7.2f} s total, {float(setup):5.2f} s start-up and set-up, {rates[name]:10.0f} steps/s")
for name, ours in rates.items():
    if name != "python3":
        print(f"python3 is {rates['python3'] / ours:.1f} times faster per step than {name}")
PY
