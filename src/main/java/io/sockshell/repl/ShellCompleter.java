package io.sockshell.repl;

import io.sockshell.engine.Family;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockOption;
import io.sockshell.session.Session;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.shell.jline3.PicocliJLineCompleter;

/**
 * Tab completion: command names first, then what each argument position takes: the names of
 * live sockets and files, socket option names, shutdown directions, families and types, and
 * the files on disk after {@code @} in a data argument.
 * Options (words starting with -) are completed by picocli's own completer.
 */
final class ShellCompleter implements Completer {
    private final Session session;
    /** Built at the first Tab: it needs every command's parser, which the shell's start avoids building. */
    private PicocliJLineCompleter options;

    ShellCompleter(Session session) {
        this.session = session;
    }

    /**
     * Builds every command's parser on another thread, so that the first Tab answers at once.
     * The shell calls this as its first prompt shows, not before: the prompt does not wait for it.
     */
    void prepareInBackground() {
        Thread loading = new Thread(session::commandTree, "load commands");
        loading.setDaemon(true);
        loading.start();
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (line.wordIndex() == 0) {
            for (String name : session.commandNames()) {
                candidates.add(new Candidate(name));
            }
            return;
        }
        CommandLine command = session.commandTree().getSubcommands().get(line.words().get(0));
        if (command == null) {
            return;
        }
        if (line.word().startsWith("@")) {
            dataFiles(line.word().substring(1, Math.max(1, line.wordCursor())), candidates);
            return;
        }
        if (line.word().startsWith("-")) {
            if (options == null) {
                options = new PicocliJLineCompleter(session.commandTree().getCommandSpec());
            }
            options.complete(reader, line, candidates);
            return;
        }
        for (String value : valuesFor(command, line.words().subList(1, line.wordIndex()))) {
            candidates.add(new Candidate(value));
        }
    }

    /** What may stand in the next position, given the words typed before it. */
    private List<String> valuesFor(CommandLine command, List<String> before) {
        String name = command.getCommandName();
        if (!before.isEmpty()) {
            String previous = before.get(before.size() - 1);
            OptionSpec option = command.getCommandSpec().findOption(previous);
            if (option != null && option.arity().max() > 0) {
                return option.paramLabel().equals("SOCKET") ? socketNames() : List.of();
            }
        }
        int position = 0;
        for (String word : before) {
            if (!word.startsWith("-")) {
                position++;
            }
        }
        switch (name) {
            case "socket":
                return List.of("AF_INET", "AF_INET6", "AF_UNIX", "SOCK_STREAM", "SOCK_DGRAM");
            case "setsockopt":
            case "getsockopt":
                if (position >= 1 && position <= 2) {
                    List<String> names = new ArrayList<>();
                    for (SockOption option : SockOption.values()) {
                        names.add(option.name());
                    }
                    return names;
                }
                break;
            case "shutdown":
                if (position == 1) {
                    return List.of("rd", "wr", "rdwr");
                }
                break;
            case "trace":
                return List.of("on", "off");
            case "set":
                return position == 0 ? List.of("display", "debug") : List.of("short", "full", "hex", "on", "off");
            case "help":
                List<String> topics = new ArrayList<>(session.commandNames());
                topics.add("data");
                return topics;
            case "close":
                List<String> all = socketNames();
                all.addAll(fileNames());
                all.addAll(session.table().holdings().keySet());
                return all;
            default:
                break;
        }
        List<PositionalParamSpec> positionals = command.getCommandSpec().positionalParameters();
        if (position >= positionals.size()) {
            return List.of();
        }
        return switch (positionals.get(position).paramLabel()) {
            case "SOCKET" -> socketNames();
            case "FILE" -> fileNames();
            case "PROGRAM" -> new ArrayList<>(session.table().holdings().keySet());
            case "HOST" -> List.of("localhost", "127.0.0.1", "::1", "\"\"");
            // An AF_UNIX socket takes a path here, which is the user's to name.
            case "HOST|PATH" -> isUnix(before.get(0)) ? List.<String>of() : List.of("localhost", "127.0.0.1", "::1", "\"\"");
            case "PORT" -> isUnix(before.get(0)) ? List.<String>of() : portReferences();
            case "FLAG" -> List.of("0", "1");
            case "MODE" -> List.of("r", "rb", "w", "wb", "rw", "rwb");
            default -> List.of();
        };
    }

    /**
     * Files for a data argument ({@code @request.txt}): the entries of the folder typed so far
     * whose names start with what follows it. A folder is offered with its {@code /} and
     * without a space after it, so completing can go on inside it.
     */
    private static void dataFiles(String typed, List<Candidate> candidates) {
        int slash = typed.lastIndexOf('/');
        String folderPart = typed.substring(0, slash + 1);
        String start = typed.substring(slash + 1);
        Path folder = folderPart.isEmpty() ? Path.of(".") : Path.of(folderPart);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(start) && (!name.startsWith(".") || start.startsWith("."))) {
                    boolean isFolder = Files.isDirectory(entry);
                    String value = "@" + folderPart + name + (isFolder ? "/" : "");
                    candidates.add(new Candidate(value, name + (isFolder ? "/" : ""), null, null, null, null, !isFolder));
                }
            }
        } catch (IOException | InvalidPathException e) {
            // Nothing to offer for a folder that cannot be read.
        }
    }

    private boolean isUnix(String socketName) {
        Sock sock = session.table().sockets().get(socketName);
        return sock != null && sock.family() == Family.AF_UNIX;
    }

    private List<String> socketNames() {
        return new ArrayList<>(session.table().sockets().keySet());
    }

    private List<String> fileNames() {
        return new ArrayList<>(session.table().files().keySet());
    }

    private List<String> portReferences() {
        List<String> references = new ArrayList<>();
        for (Map.Entry<String, io.sockshell.engine.Sock> entry : session.table().sockets().entrySet()) {
            if (!entry.getValue().isClosed()) {
                references.add(entry.getKey() + ".port");
            }
        }
        return references;
    }
}
