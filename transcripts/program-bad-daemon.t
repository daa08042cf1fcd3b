# Bad input: programs that leave processes behind. One starts a child in the background and
# exits; the other daemonises (forks twice and calls setsid, leaving its process group and
# session). Both have exited, but something of each still runs: the end of the transcript
# lists them, and closes them, group and daemon alike (every process a program starts carries
# its token in its environment, which is how the daemon is found).

sockshell> program bg sh -c "sleep 1000 & echo started a child"
started a child
[exit 0]
sockshell> program d python3 -c "import os; exec('if os.fork() == 0:\n os.setsid()\n if os.fork() == 0:\n  os.close(1); os.close(2); os.execvp(\'sleep\', [\'sleep\', \'1000\'])\n os._exit(0)'); os.wait(); print('started a daemon')"
started a daemon
[exit 0]
sockshell> sockets --no-kernel
PROGRAM  PID[..]STATE
         COMMAND
bg       [..]exited 0
         sh -c 'sleep 1000 & echo started a child'
d        [..]exited 0
         python3 -c "import os; exec('if os.fork() == 0:\\n os.setsid()\\n if os.fork() == 0:\\n  os.close(1); os.close(2); os.execvp(\\'sleep\\', [\\'sleep\\', \\'1000\\'])\\n os._exit(0)'); os.wait(); print('started a daemon')"

%leftovers
sockshell: program bg still running
sockshell: program d still running
