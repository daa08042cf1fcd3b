package io.sockshell.program;

import io.sockshell.engine.ProcessStarts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ends a session's programs when the shell cannot: a small {@code sh} process, in a session of
 * its own (so neither Ctrl-C nor a closing terminal reaches it, and it ignores those signals
 * besides), that reads requests from a pipe only the shell holds. When that pipe closes, which
 * the kernel does however the shell ends, SIGKILL included, it kills every process group it was
 * told of, then every process that still carries the session's token in its environment (one
 * that left its group, as a daemon does), and exits.
 *
 * <p>It also sends the shell's signals, to a whole process group at once, which the JDK
 * cannot: {@code INT 1234} is answered {@code sent}, or {@code gone} when no process is left
 * in the group.
 */
final class Guard implements AutoCloseable {
    /** {@code $1} is the session's token; a line {@code add PGID}, {@code forget PGID} or {@code SIGNAL PGID} a request. */
    private static final String SCRIPT = String.join("\n",
            "trap '' HUP INT TERM QUIT PIPE",
            "token=$1",
            "groups=' '",
            "while IFS=' ' read -r verb group; do",
            "  case $verb in",
            "    add) groups=\"$groups$group \" ;;",
            "    forget) case $groups in *\" $group \"*) groups=\"${groups%% $group *} ${groups#* $group }\" ;; esac ;;",
            "    INT|TERM|KILL|HUP) if kill -s \"$verb\" -- \"-$group\" 2>/dev/null; then echo sent; else echo gone; fi ;;",
            "    *) echo \"unknown request $verb\" ;;",
            "  esac",
            "done",
            "for group in $groups; do kill -s KILL -- \"-$group\" 2>/dev/null; done",
            "rounds=0",
            // grep ends with status 2 when a process ended while it read (an error) even if it
            // found some: only what it prints counts.
            "while [ $rounds -lt 20 ]; do",
            "  found=$(grep -l -s -a -F \"SOCKSHELL_PROGRAM=$token-\" /proc/[0-9]*/environ)",
            "  [ -n \"$found\" ] || break",
            "  for file in $found; do pid=${file#/proc/}; kill -s KILL \"${pid%/environ}\" 2>/dev/null; done",
            "  rounds=$((rounds + 1))",
            "done");

    private final Process process;
    private final OutputStream requests;
    private final BufferedReader replies;

    private Guard(Process process) {
        this.process = process;
        this.requests = process.getOutputStream();
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
    }

    /** Starts the guard of the programs whose environment carries {@code SOCKSHELL_PROGRAM=token-...}. */
    static Guard start(String setsid, String token) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(setsid, "sh", "-c", SCRIPT, "sockshell-guard", token))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove(ProgramLauncher.TOKEN_VARIABLE);
        return new Guard(ProcessStarts.start(builder));
    }

    /** From now on, the shell's end kills process group {@code group}. */
    synchronized void add(int group) throws IOException {
        request("add " + group);
    }

    /** Group {@code group} has ended: its number may be reused by someone else's. */
    synchronized void forget(int group) {
        try {
            request("forget " + group);
        } catch (IOException guardGone) {
            // Nothing left to forget it.
        }
    }

    /** Sends {@code signal} (INT, TERM, KILL, HUP) to every process of group {@code group}; false if none was left. */
    synchronized boolean signal(int group, String signal) throws IOException {
        request(signal + " " + group);
        String reply = replies.readLine();
        if (reply == null) {
            throw new IOException("the guard process has ended");
        }
        return reply.equals("sent");
    }

    private void request(String line) throws IOException {
        requests.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        requests.flush();
    }

    /** Closes its pipe, which makes it kill whatever is left and exit; waits for that, with a bound. */
    @Override
    public void close() {
        try {
            requests.close();
        } catch (IOException alreadyGone) {
            // It has ended already.
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            replies.close();
        } catch (IOException ignored) {
            // Its output is not needed any more.
        }
    }
}
