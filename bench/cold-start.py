#!/usr/bin/env python3
"""Cold start on a real terminal: launch, first prompt ready, exit.

    bench/cold-start.py [--runs N] [--java JAVA_HOME]

Each program runs on a pseudo-terminal of 24x80 (without a window size JLine draws a degraded
prompt). The clock starts at launch; when the program's prompt appears, its exit line is typed;
the clock stops when the process has exited. Programs, measured in the same run, in turn:
sockshell (the ./sockshell launcher, on a jar that is already built), a `java` hello-world from
the same JDK (the one the launcher runs; launch to exit), `python3 -i` and stock `jshell`. One unmeasured warm-up run
each, then N runs (default 5). Prints a Markdown table: median, min and max, and each peer's
time as a multiple of sockshell's; then the two targets of issue 5 and whether they are met.
"""
import argparse
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOUND_SECONDS = 60


class Program:
    def __init__(self, name, argv, prompt=None, exit_line=None, env=None):
        self.name, self.argv, self.prompt, self.exit_line = name, argv, prompt, exit_line
        self.env = env or {}
        self.times = []


def one_run(program):
    """Seconds from launch to exit, typing the exit line once the prompt shows."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, TERM="xterm", **program.env)
    start = time.perf_counter()
    process = subprocess.Popen(program.argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                               cwd=ROOT, start_new_session=True, close_fds=True)
    os.close(slave)
    seen = b""
    typed = program.prompt is None
    deadline = start + BOUND_SECONDS
    try:
        while process.poll() is None:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"{program.name}: no exit within {BOUND_SECONDS} s; it printed {seen[-200:]!r}")
            ready, _, _ = select.select([master], [], [], min(left, 0.05))
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break  # the terminal closed: the program is exiting
            seen += chunk
            if not typed and program.prompt.encode() in seen:
                os.write(master, (program.exit_line + "\r").encode())
                typed = True
        process.wait(timeout=BOUND_SECONDS)
        took = time.perf_counter() - start
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        os.close(master)
    if not typed:
        raise RuntimeError(f"{program.name}: exited before its prompt {program.prompt!r}; it printed {seen[-300:]!r}")
    return took


def launcher_java_home(env):
    """The JDK the launcher runs, from `sockshell --version`'s Java line ("Java 25.0.3 (vendor) at
    /usr/lib/jvm/..."), so that the peers run on the same JDK; without JAVA_HOME the launcher
    picks the newest installed. Builds the jar first if needed, outside the clock."""
    version = subprocess.run([str(ROOT / "sockshell"), "--version"], check=True, capture_output=True, text=True,
                             env=env).stdout
    java = [line for line in version.splitlines() if line.startswith("Java ")]
    return java[0].rsplit(" at ", 1)[1] if java and " at " in java[0] else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--java", help="JAVA_HOME of the JDK to use (default: the one the launcher picks)")
    args = parser.parse_args()
    given = args.java or os.environ.get("JAVA_HOME")
    java_home = launcher_java_home(dict(os.environ, **({"JAVA_HOME": given} if given else {})))
    bin_dir = Path(java_home) / "bin" if java_home else None
    java = str(bin_dir / "java") if bin_dir else shutil.which("java")
    jshell = str(bin_dir / "jshell") if bin_dir else shutil.which("jshell")
    javac = str(bin_dir / "javac") if bin_dir else shutil.which("javac")

    work = Path(tempfile.mkdtemp(prefix="sockshell-cold-start-"))
    (work / "Hello.java").write_text('public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n')
    subprocess.run([javac, "-d", str(work), str(work / "Hello.java")], check=True)

    launcher_env = {"SOCKSHELL_HISTORY": str(work / "history")}
    if given:
        launcher_env["JAVA_HOME"] = given
    programs = [
        Program("sockshell", [str(ROOT / "sockshell")], "sockshell> ", "exit", launcher_env),
        Program("java hello-world", [java, "-cp", str(work), "Hello"]),
    ]
    if shutil.which("python3"):
        programs.append(Program("python3 -i", ["python3", "-i", "-q"], ">>> ", "exit()"))
    else:
        print("skipped: python3 -i (no python3 on the PATH)", file=sys.stderr)
    if jshell and Path(jshell).exists():
        programs.append(Program("stock jshell", [jshell, "-q"], "jshell> ", "/exit"))
    else:
        print("skipped: stock jshell (no jshell in this JDK)", file=sys.stderr)

    for program in programs:
        one_run(program)
    for _ in range(args.runs):
        for program in programs:
            program.times.append(one_run(program))
    shutil.rmtree(work, ignore_errors=True)

    ours = statistics.median(programs[0].times)
    print(f"| program | median | min | max | x sockshell |")
    print(f"|---|---|---|---|---|")
    for program in programs:
        median = statistics.median(program.times)
        print(f"| {program.name} | {median:.3f} s | {min(program.times):.3f} s | {max(program.times):.3f} s "
              f"| {median / ours:.2f} |")
    by_name = {program.name: statistics.median(program.times) for program in programs}
    hello = by_name["java hello-world"]
    print(f"| target: sockshell at most 2.5x java hello-world | {ours / hello:.2f}x | | | "
          f"{'met' if ours / hello <= 2.5 else 'missed'} |")
    if "stock jshell" in by_name:
        faster = by_name["stock jshell"] / ours
        print(f"| target: at least 8x faster than stock jshell | {faster:.1f}x | | | "
              f"{'met' if faster >= 8 else 'missed'} |")


if __name__ == "__main__":
    main()
