package io.sockshell.support;

import io.sockshell.engine.ProcessStarts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Python to run the tutorial's programs with: Python 2 and the originals when the machine has
 * it (found as {@code python2}, or through pyenv), otherwise Python 3 and the ports in
 * {@code examples/tutorial-python}. {@code -Dsockshell.python=COMMAND} picks one. The originals
 * are in {@code shared/tutorial/programs} beside the repository (or beside a folder above it,
 * for a work tree), or where {@code -Dsockshell.tutorial=FOLDER} says.
 */
public record PythonRuntime(List<String> command, Path programs) {
    private static final Path ORIGINALS = originals();
    public static final Path PORTS = Path.of("examples", "tutorial-python");
    private static final Path WRAPPER = Path.of("src", "test", "resources", "interop", "report_port.py");

    public static Optional<PythonRuntime> find() {
        String chosen = System.getProperty("sockshell.python");
        if (chosen != null) {
            return of(List.of(chosen));
        }
        Optional<PythonRuntime> python2 = python2();
        return python2.isPresent() ? python2 : of(List.of("python3"));
    }

    /** Python 2 and the originals, if this machine has both. */
    public static Optional<PythonRuntime> python2() {
        return of(List.of("python2")).or(PythonRuntime::fromPyenv).filter(PythonRuntime::isPython2);
    }

    /** Why {@link #python2()} finds nothing, for a test that skips. */
    public static String whyNoPython2() {
        return ORIGINALS == null ? "the tutorial's original programs are not found (shared/tutorial/programs beside the"
                + " repository, or -Dsockshell.tutorial=FOLDER)" : "no Python 2 here (neither python2 nor a 2.x in"
                + " pyenv versions)";
    }

    private static Path originals() {
        String chosen = System.getProperty("sockshell.tutorial");
        if (chosen != null) {
            return Path.of(chosen);
        }
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path programs = folder.resolveSibling("shared").resolve("tutorial").resolve("programs");
            if (Files.isDirectory(programs)) {
                return programs;
            }
        }
        return null;
    }

    public boolean isPython2() {
        return programs.equals(ORIGINALS);
    }

    /** The command that runs {@code program} with {@code arguments}, its listen() reporting ports. */
    public List<String> commandFor(String program, List<String> arguments) {
        List<String> line = new ArrayList<>(command);
        line.add(WRAPPER.toString());
        line.add(programs.resolve(program).toString());
        line.addAll(arguments);
        return line;
    }

    private static Optional<PythonRuntime> of(List<String> command) {
        String major = output(command, "-c", "import sys; print(sys.version_info[0])");
        if ("2".equals(major) && ORIGINALS != null) {
            return Optional.of(new PythonRuntime(command, ORIGINALS));
        }
        if ("3".equals(major)) {
            return Optional.of(new PythonRuntime(command, PORTS));
        }
        return Optional.empty();
    }

    private static Optional<PythonRuntime> fromPyenv() {
        String versions = output(List.of("pyenv"), "versions", "--bare");
        if (versions == null) {
            return Optional.empty();
        }
        for (String version : versions.split("\n")) {
            if (version.strip().startsWith("2.")) {
                String prefix = output(List.of("pyenv"), "prefix", version.strip());
                if (prefix != null) {
                    return of(List.of(Path.of(prefix, "bin", "python").toString()));
                }
            }
        }
        return Optional.empty();
    }

    /** What a short command prints, or null if it cannot run or fails within 10 seconds. */
    private static String output(List<String> command, String... arguments) {
        List<String> line = new ArrayList<>(command);
        line.addAll(List.of(arguments));
        try {
            Process process = ProcessStarts.start(new ProcessBuilder(line).redirectErrorStream(true));
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readNBytes(64 * 1024);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return process.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
