package io.sockshell.replay;

/** Counts what a replay might leave behind: its program threads and JShell's snippet threads. */
final class LeftBehind {
    private LeftBehind() {
    }

    static int replayThreads() {
        int count = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            ThreadGroup group = thread.getThreadGroup();
            boolean snippet = group != null && group.getName().startsWith("JShell");
            if (thread.isAlive() && (thread.getName().startsWith("replay ") || snippet)) {
                count++;
            }
        }
        return count;
    }
}
