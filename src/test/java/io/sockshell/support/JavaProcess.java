package io.sockshell.support;

import io.sockshell.cli.Main;
import io.sockshell.engine.ProcessStarts;
import io.sockshell.engine.SocketBackends;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A child process whose output is read on background threads (so it can never stall on a full
 * pipe), with every wait bounded and {@link #close()} killing whatever is left.
 */
public final class JavaProcess implements AutoCloseable {
    private final Process process;
    private final TextSink stdout = new TextSink();
    private final TextSink stderr = new TextSink();

    private JavaProcess(Process process) {
        this.process = process;
        drain(process.getInputStream(), stdout);
        drain(process.getErrorStream(), stderr);
    }

    /**
     * The options of a sockshell JVM started by a test: native access for the posix backend, so
     * it calls without a warning on JDK 22 and later (the jar's manifest says the same), and the
     * backend the tests run on, when one was named.
     */
    public static List<String> nativeAccess() {
        List<String> options = new ArrayList<>();
        if (Runtime.version().feature() >= 22) {
            options.add("--enable-native-access=ALL-UNNAMED");
        }
        // A backend chosen for the test run (-Dsockshell.backend=nio) is the child's too.
        String backend = System.getProperty(SocketBackends.PROPERTY);
        if (backend != null) {
            options.add("-D" + SocketBackends.PROPERTY + "=" + backend);
        }
        return options;
    }

    /** Starts {@code command} in the working directory. */
    public static JavaProcess start(List<String> command) throws IOException {
        return start(new ProcessBuilder(command));
    }

    /** Starts what {@code builder} describes (its command, directory and environment). */
    public static JavaProcess start(ProcessBuilder builder) throws IOException {
        return new JavaProcess(ProcessStarts.start(builder));
    }

    /**
     * Starts {@code java io.sockshell.Main ARGS} on the classes under test. The jar does not exist
     * during {@code mvn test}, so the class path is made of the directories and jars the classes
     * were loaded from.
     */
    public static JavaProcess sockshell(String... args) throws IOException {
        return sockshell(List.of(), args);
    }

    /** As {@link #sockshell(String...)}, with options for the Java VM, such as a heap limit. */
    public static JavaProcess sockshell(List<String> javaOptions, String... args) throws IOException {
        return start(sockshellCommand(javaOptions, args));
    }

    /** The command line that runs {@code sockshell ARGS} on the classes under test, with these Java options. */
    public static List<String> sockshellCommand(List<String> javaOptions, String... args) {
        return sockshellCommand(classPath(), javaOptions, args);
    }

    /** As {@link #sockshellCommand(List, String...)}, on the classes in {@code classPath} (copies of {@link #classPathEntries}). */
    public static List<String> sockshellCommand(String classPath, List<String> javaOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(nativeAccess());
        command.addAll(javaOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    private static String classPath() {
        return String.join(File.pathSeparator, classPathEntries().stream().map(Path::toString).toList());
    }

    /** The directories and jars sockshell's classes and its libraries were loaded from. */
    public static List<Path> classPathEntries() {
        Set<Path> entries = new LinkedHashSet<>();
        for (Class<?> type : List.of(Main.class, picocli.CommandLine.class, org.jline.terminal.Terminal.class,
                picocli.shell.jline3.PicocliJLineCompleter.class)) {
            try {
                entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return List.copyOf(entries);
    }

    private static void drain(InputStream stream, TextSink sink) {
        Thread reader = new Thread(() -> {
            try (stream; sink) {
                stream.transferTo(sink);
            } catch (IOException e) {
                byte[] note = ("\n[reading the process failed: " + e + "]").getBytes(StandardCharsets.UTF_8);
                sink.write(note, 0, note.length);
            }
        }, "process-output-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Writes to the process's standard input. */
    public void type(String text) throws IOException {
        process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** Closes the process's standard input: end of input. */
    public void endInput() throws IOException {
        process.getOutputStream().close();
    }

    /** Waits for the process to end, at most {@code bound}, and returns its exit status. */
    public int exitCode(Duration bound) throws InterruptedException {
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("process still running after " + bound + "; stdout so far:\n" + stdout.text()
                    + "\nstderr so far:\n" + stderr.text());
        }
        return process.exitValue();
    }

    /** Waits for the process to end, at most {@code bound}; true if it has ended. */
    public boolean ended(Duration bound) throws InterruptedException {
        return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The process id, for signals the JDK cannot send. */
    public long pid() {
        return process.pid();
    }

    /** Standard output as it arrives; wait on it for what the process prints. */
    public TextSink stdout() {
        return stdout;
    }

    public TextSink stderr() {
        return stderr;
    }

    @Override
    public void close() {
        // Children first: stock jshell runs its snippets in a JVM of its own.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
