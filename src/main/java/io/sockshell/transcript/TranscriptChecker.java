package io.sockshell.transcript;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Checks transcripts: finds them in the files and folders given, runs independent ones at the
 * same time (each has its own sessions and ports), and optionally rewrites the expected output
 * of those that differ. Used by {@code sockshell check} and by the JUnit entry point.
 */
public final class TranscriptChecker implements AutoCloseable {
    private final Judge judge;
    private final boolean update;
    private final ExecutorService pool;

    /** What happened to one file. */
    public enum Status {
        PASSED, FAILED, UPDATED, NOT_UPDATED, BAD_INPUT, SKIPPED;

        public boolean ok() {
            return this == PASSED || this == UPDATED || this == SKIPPED;
        }
    }

    /**
     * Runs one transcript and matches its output: {@link TranscriptRunner#run(Transcript)} runs its
     * parties; another judge may have another program make the same calls.
     */
    @FunctionalInterface
    public interface Judge {
        TranscriptResult run(Transcript transcript) throws TranscriptError, Inapplicable;
    }

    /** A transcript this judge has no way to run, and why; the check skips it. */
    public static final class Inapplicable extends Exception {
        public Inapplicable(String reason) {
            super(reason);
        }
    }

    /**
     * One file's outcome.
     *
     * @param file   the file as found
     * @param status what happened
     * @param result the run, or null when the file could not be run
     * @param detail why it failed, the problem with the input, or why it was not updated
     */
    public record Outcome(Path file, Status status, TranscriptResult result, String detail) {
        /** A summary line, then the details, as {@code check} prints them. */
        public String describe() {
            String steps = result == null ? "" : " (" + result.transcript().stepCount() + " steps, "
                    + String.format(Locale.ROOT, "%.2f s", result.seconds()) + ")";
            String head = switch (status) {
                case PASSED -> "ok      " + file + steps;
                case UPDATED -> "updated " + file + steps;
                case FAILED -> "FAIL    " + file + steps;
                case NOT_UPDATED -> "FAIL    " + file + steps + ", not updated";
                case BAD_INPUT -> "ERROR   " + file;
                case SKIPPED -> "skipped " + file;
            };
            return detail.isEmpty() ? head : head + "\n" + detail;
        }
    }

    /** A checker with {@code threads} transcripts in flight at once; {@code update} rewrites those that differ. */
    public TranscriptChecker(TranscriptRunner runner, boolean update, int threads) {
        this(runner::run, update, threads);
    }

    /** A checker whose transcripts {@code judge} runs. */
    public TranscriptChecker(Judge judge, boolean update, int threads) {
        this.judge = judge;
        this.update = update;
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), task -> {
            Thread thread = new Thread(task, "transcript-check");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts checking the transcripts in {@code paths}, in parallel, and returns their outcomes
     * in order: files as given, and in folders (recursively, sorted by path) every file ending
     * in {@value Transcript#EXTENSION}. Any other file in a folder, except documentation
     * ({@code *.md}, {@code README*}) and hidden files, is orphaned (say a transcript misnamed
     * so that it would never run) and fails. The futures never fail; problems are outcomes.
     */
    public List<Future<Outcome>> submitAll(List<Path> paths) throws IOException {
        List<Future<Outcome>> outcomes = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.isDirectory(path)) {
                outcomes.add(pool.submit(() -> check(path)));
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile).filter(TranscriptChecker::considered).sorted().toList();
            }
            for (Path file : files) {
                outcomes.add(file.getFileName().toString().endsWith(Transcript.EXTENSION)
                        ? pool.submit(() -> check(file))
                        : CompletableFuture.completedFuture(orphan(file)));
            }
        }
        return outcomes;
    }

    private static boolean considered(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && !name.endsWith(".md") && !name.startsWith("README");
    }

    private static Outcome orphan(Path file) {
        return new Outcome(file, Status.BAD_INPUT, null, file + ": is in a transcript folder but is not a transcript"
                + " (transcripts end in " + Transcript.EXTENSION + "), so it would never run; rename it or move it out");
    }

    private Outcome check(Path file) {
        TranscriptResult result;
        try {
            Transcript transcript = Transcript.read(file);
            transcript.requireCommands();
            result = judge.run(transcript);
        } catch (TranscriptError e) {
            return new Outcome(file, Status.BAD_INPUT, null, e.getMessage());
        } catch (Inapplicable e) {
            return new Outcome(file, Status.SKIPPED, null, "  " + e.getMessage());
        }
        if (result.passed()) {
            return new Outcome(file, Status.PASSED, result, "");
        }
        if (!update) {
            return new Outcome(file, Status.FAILED, result, result.failureReport());
        }
        String refusal = result.whyNotUpdatable();
        if (refusal != null) {
            return new Outcome(file, Status.NOT_UPDATED, result, refusal);
        }
        try {
            replace(file, result.actualText());
        } catch (IOException e) {
            return new Outcome(file, Status.NOT_UPDATED, result, file + ": cannot be written (" + e.getMessage() + ")");
        }
        return new Outcome(file, Status.UPDATED, result, "");
    }

    /** Writes beside the file and moves over it, so a crash never leaves half a transcript. */
    private static void replace(Path file, String text) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(folder, "." + file.getFileName(), ".update");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            keepPermissions(file, temporary);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void keepPermissions(Path original, Path replacement) throws IOException {
        try {
            Files.setPosixFilePermissions(replacement, Files.getPosixFilePermissions(original));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the replacement keeps the folder's default permissions.
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
