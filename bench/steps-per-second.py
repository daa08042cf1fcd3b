#!/usr/bin/env python3
"""How many send/recv steps (commands) per second `sockshell run` manages on loopback, against a
python3 program making the same socket calls, measured in the same run.

    bench/steps-per-second.py [--min-seconds S] [STEPS]

Both sides run the same calls: set up a connected pair on loopback, then send(b"x") on the
client and recv(1024) on the server, STEPS/2 times, printing each result as the REPL would.
Start-up and set-up are measured on their own (the same program with no steps) and taken off,
so the rate is of the steps alone; each time is the best of 3 runs.

Each side sizes its own work: it starts at STEPS (default 20000) and runs more steps until
they take at least --min-seconds (default 1.0) beyond start-up, so that a quick side is
measured over enough work to tell from start-up noise, instead of failing for being quick.

sockshell runs through its launcher, as a user runs it (with the launcher's JVM options, and
its class-data archive once an interactive start has written one). SOCKSHELL_BACKENDS="posix nio"
measures it once per backend named (--backend), in the same run, each on its own line; unset,
the default backend of the JDK in use (JAVA_HOME).
"""
import argparse
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3
MOST_STEPS = 50_000_000  # a bound on the sizing, far beyond any machine's few seconds


def shell_script(pairs):
    lines = ["socket s", "bind s 127.0.0.1 0", "listen s 1", "socket c", "connect c localhost s.port",
             "accept s conn"]
    lines += ['send c "x"', "recv conn 1024"] * pairs
    lines.append("close c conn s")
    return "\n".join(lines) + "\n"


def python_program(pairs):
    return f"""import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(1)
c = socket.socket(); c.connect(("localhost", s.getsockname()[1]))
conn, addr = s.accept()
for _ in range({pairs}):
    print(repr(c.send(b"x")))
    print(repr(conn.recv(1024)))
c.close(); conn.close(); s.close()
"""


def best_of(command):
    """The shortest wall time of RUNS runs of command, which must succeed."""
    best = None
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
    return best


class Side:
    """One tool: how to write a program of N steps and the command that runs it."""

    def __init__(self, name, write, command, work):
        self.name, self.write, self.command, self.work = name, write, command, work

    def time(self, steps):
        path = self.work / f"{''.join(c for c in self.name if c.isalnum())}-{steps}"
        path.write_text(self.write(steps // 2))
        return best_of(self.command(path))

    def measure(self, steps, min_seconds):
        """(steps, total, set-up): enough steps that they take min_seconds beyond set-up."""
        setup = self.time(0)
        while True:
            total = self.time(steps)
            work = total - setup
            if work >= min_seconds or steps >= MOST_STEPS:
                return steps, total, setup
            # Aim past the minimum, so noise in the next run does not send it round again.
            factor = min(16, max(2, math.ceil(1.5 * min_seconds / max(work, min_seconds / 100))))
            steps = min(MOST_STEPS, steps * factor)


def sockshell_side(backend, work):
    """sockshell run on the backend named, or on the JDK's default one when backend is None."""
    if backend is None:
        return Side("sockshell run", shell_script, lambda path: ["./sockshell", "run", str(path)], work)
    return Side(f"sockshell run ({backend})", shell_script,
                lambda path: ["./sockshell", "--backend", backend, "run", str(path)], work)


def main():
    parser = argparse.ArgumentParser(description="send/recv steps per second: sockshell run against python3")
    parser.add_argument("steps", nargs="?", type=int, default=20000, help="steps to start from (default 20000)")
    parser.add_argument("--min-seconds", type=float, default=1.0,
                        help="the least time the steps must take beyond start-up (default 1.0)")
    args = parser.parse_args()
    subprocess.run(["./sockshell", "--version"], cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        sides = [sockshell_side(backend, work) for backend in os.environ.get("SOCKSHELL_BACKENDS", "").split()]
        sides = sides or [sockshell_side(None, work)]
        sides.append(Side("python3", python_program, lambda path: [sys.executable, str(path)], work))
        # Warm-up: the page cache, the kernel's socket memory, the launcher's archive.
        sides[0].time(args.steps)
        print(f"send/recv steps on loopback, each side sized to take at least {args.min_seconds} s "
              f"beyond start-up (best of {RUNS} runs each)")
        rates = {}
        for side in sides:
            steps, total, setup = side.measure(args.steps, args.min_seconds)
            rates[side.name] = steps / (total - setup)
            print(f"{side.name:16} {steps:9} steps {total:7.2f} s total, {setup:5.2f} s start-up and set-up, "
                  f"{rates[side.name]:10.0f} steps/s")
        for name, ours in rates.items():
            if name != "python3":
                print(f"python3 is {rates['python3'] / ours:.1f} times faster per step than {name}")


if __name__ == "__main__":
    main()
