package io.sockshell.replay;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A replay of one script running in a thread of this JVM, so that a test can point a Python
 * client at the port it listens on, and stop it if it serves for ever.
 */
final class BackgroundReplay {
    private final Replay replay;
    private final StringWriter out = new StringWriter();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final CompletableFuture<Integer> status = new CompletableFuture<>();

    private BackgroundReplay(Path script, List<String> arguments, List<String> keyboard) {
        Replay.Settings settings = new Replay.Settings(false, false, false, 30, keyboard);
        replay = new Replay(settings, List.of(new Replay.ScriptCall(script, arguments)),
                new BufferedReader(new StringReader("")), false, new PrintWriter(out, true), port::complete);
    }

    static BackgroundReplay start(String script, List<String> arguments, List<String> keyboard) {
        BackgroundReplay background = new BackgroundReplay(Path.of("jshell-scripts", script), arguments, keyboard);
        Thread thread = new Thread(() -> {
            try {
                background.status.complete(background.replay.run());
            } catch (RuntimeException | Error e) {
                background.status.completeExceptionally(e);
            }
        }, "background replay of " + script);
        thread.setDaemon(true);
        thread.start();
        return background;
    }

    int listeningPort(long seconds) throws Exception {
        try {
            return port.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the replay did not listen within " + seconds + " s; output:\n" + out);
        }
    }

    int awaitStatus(long seconds) throws Exception {
        try {
            return status.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            replay.stop("the test gave up waiting");
            throw new AssertionError("the replay did not end within " + seconds + " s; output:\n" + out);
        }
    }

    void stop() {
        replay.stop("the test is over");
    }

    String output() {
        return out.toString();
    }
}
