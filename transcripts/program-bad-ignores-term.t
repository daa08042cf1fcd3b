# Bad input: a program that ignores SIGTERM. close sends SIGTERM, waits 2 s, then SIGKILL, and
# says so.

sockshell> program stubborn python3 -c "import signal; signal.signal(signal.SIGTERM, signal.SIG_IGN); print('ignoring TERM'); input()"
ignoring TERM
sockshell> signal stubborn TERM
sockshell> sockets --no-kernel
PROGRAM   PID[..]STATE
          COMMAND
stubborn  [..]quiet
          python3 -c "import signal; signal.signal(signal.SIGTERM, signal.SIG_IGN); print('ignoring TERM'); input()"
sockshell> close stubborn
stubborn did not end within 2 s of SIGTERM: killed (SIGKILL)
sockshell> sockets --no-kernel
PROGRAM   PID[..]STATE
          COMMAND
stubborn  [..]closed
          python3 -c "import signal; signal.signal(signal.SIGTERM, signal.SIG_IGN); print('ignoring TERM'); input()"
