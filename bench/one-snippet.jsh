// The baseline for bench/replay-vs-jshell.sh: starting up and running a single snippet.
int baseline = 1;
