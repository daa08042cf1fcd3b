package io.sockshell.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A socket closed while another thread starts a process is closed at once, as the kernel's
 * close is: a connect to the listener just closed is refused. Without {@link ProcessStarts} the
 * child started meanwhile held a copy of the listener, and 1 or 2 connects in 100 succeeded, on
 * both backends (seen as a flake of tcp-states.t and unix-echo.t when program transcripts ran
 * beside them).
 */
@Timeout(60)
class ProcessStartsTest {
    private static final int ROUNDS = 3_000;

    private final Loopback net = new Loopback();
    private final AtomicBoolean starting = new AtomicBoolean(true);
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicReference<IOException> startFailed = new AtomicReference<>();
    private Thread starter;

    @TempDir
    Path folder;

    @AfterEach
    void stop() throws Exception {
        starting.set(false);
        if (starter != null) {
            starter.join(Loopback.WAIT_SECONDS * 1000);
        }
        net.close();
    }

    /** Starts {@code true} over and over on another thread until the test ends. */
    private void startProcessesBeside() {
        starter = new Thread(() -> {
            while (starting.get()) {
                try {
                    ProcessStarts.start(new ProcessBuilder("true")).waitFor();
                    started.incrementAndGet();
                } catch (IOException e) {
                    startFailed.set(e);
                    return;
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "process-starts-beside");
        starter.start();
    }

    @Test
    void aTcpListenerClosedWhileProcessesStartRefusesTheNextConnect() throws Exception {
        startProcessesBeside();
        int accepted = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Sock listener = net.open(Family.AF_INET, Kind.SOCK_STREAM);
            listener.bind(Loopback.HOST, 0);
            listener.listen(1);
            int port = Integer.parseInt(listener.getsockname().pythonRepr().replaceAll(".*, (\\d+)\\)", "$1"));
            listener.close();
            accepted += connected(Loopback.HOST, port) ? 1 : 0;
        }
        assertStartsRanBeside();
        assertEquals(0, accepted, "connects to a listener already closed that succeeded, of " + ROUNDS);
    }

    @Test
    void anAfUnixListenerClosedWhileProcessesStartRefusesTheNextConnect() throws Exception {
        startProcessesBeside();
        String path = folder.resolve("listener.sock").toString();
        int accepted = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Sock listener = net.open(Family.AF_UNIX, Kind.SOCK_STREAM);
            listener.bind(path, 0);
            listener.listen(1);
            listener.close();
            accepted += connected(path, 0) ? 1 : 0;
            Files.delete(Path.of(path));
        }
        assertStartsRanBeside();
        assertEquals(0, accepted, "connects to a path whose listener was already closed that succeeded, of " + ROUNDS);
    }

    /**
     * The rule above, read from the sources: each process the product starts is started through
     * {@link ProcessStarts#start}, so there are as many of those calls in a file as there are
     * process builders, and nothing starts one through {@code Runtime.exec}.
     */
    @Test
    void everyProcessTheProductStartsGoesThroughProcessStarts() throws IOException {
        Pattern builders = Pattern.compile("new ProcessBuilder\\(");
        Pattern guardedStarts = Pattern.compile("ProcessStarts\\.start\\(");
        List<String> unguarded = new ArrayList<>();
        for (Path sources : List.of(Path.of("src", "main", "java"), Path.of("src", "main", "java22"))) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(file);
                    if (count(builders.matcher(text)) > count(guardedStarts.matcher(text)) || text.contains("Runtime.getRuntime().exec")) {
                        unguarded.add(file.toString());
                    }
                }
            }
        }
        assertEquals(List.of(), unguarded, "files that start a process without ProcessStarts");
    }

    private static int count(Matcher matcher) {
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }

    private boolean connected(String host, int port) throws SockError {
        Family family = port == 0 ? Family.AF_UNIX : Family.AF_INET;
        Sock client = net.open(family, Kind.SOCK_STREAM);
        try {
            client.connect(host, port);
            return true;
        } catch (SockError refused) {
            assertEquals(Errno.ECONNREFUSED, refused.errno().orElseThrow(), refused.getMessage());
            return false;
        } finally {
            client.close();
        }
    }

    private void assertStartsRanBeside() {
        assertEquals(null, startFailed.get(), "a process could not start");
        assertTrue(started.get() > 10, "only " + started.get() + " processes started beside the closes");
    }
}
