# Bad input: programs that never go quiet. A busy loop never waits for anything, and neither
# does a poll with a zero timeout: the step's bound (-t, here 3 s) ends the wait, with what the
# program printed so far and a line saying what it was doing. The program goes on running.
# (sockets gives each program 2 s to be seen quiet: two busy ones take 4 s.)
%timeout 15

sockshell> program -t 3 spin python3 -c "print('spinning'); exec('while True: pass')"
spinning
TimeoutError: spin did not go quiet within 3 s: python3 [..]
sockshell> program -t 3 poller python3 -c "import select; print('polling'); exec('while True: select.select([], [], [], 0)')"
polling
TimeoutError: poller did not go quiet within 3 s: python3 [..]
sockshell> sockets --no-kernel
PROGRAM  PID[..]STATE
         COMMAND
spin     [..]running
         python3 -c "print('spinning'); exec('while True: pass')"
poller   [..]running
         python3 -c "import select; print('polling'); exec('while True: select.select([], [], [], 0)')"
sockshell> output -t 0.5 spin
TimeoutError: spin did not go quiet within 0.5 s: python3 [..]

# close ends them (SIGTERM), and prints nothing when that is enough.
sockshell> close spin poller
