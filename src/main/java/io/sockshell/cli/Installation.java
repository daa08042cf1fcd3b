package io.sockshell.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;

/**
 * sockshell installed under a prefix (what {@code install} makes and {@code uninstall} removes):
 * a copy of the distribution in PREFIX/share/sockshell, and links to it where a shell, man and
 * bash-completion look for them: PREFIX/bin/sockshell, PREFIX/share/man/man1/*.1 and
 * PREFIX/share/bash-completion/completions/sockshell. The copy holds a record (installed.txt) of
 * those links and of the folders install had to create, which is how uninstall removes exactly
 * what install put there, and how a new install replaces an older one.
 *
 * <p>Installing writes everything new first (the copy under a temporary name, each link under a
 * temporary name beside its place) and only then renames it into place, replacing the old
 * installation: a prefix that cannot be written to fails before anything there has changed,
 * and whatever was written is removed again.
 */
final class Installation {
    /** The distribution's layout (src/assembly/dist.xml): where its parts are, from its root. */
    static final Path LAUNCHER = Path.of("bin", "sockshell");
    static final Path JAR = Path.of("lib", "sockshell.jar");
    static final Path MAN_PAGES = Path.of("man", "man1");
    static final Path COMPLETION = Path.of("completion", "sockshell_completion");

    /** Under the prefix: the copy of the distribution, and its record. */
    static final Path HOME = Path.of("share", "sockshell");
    private static final String RECORD = "installed.txt";
    private static final Path MAN_LINKS = Path.of("share", "man", "man1");
    private static final Path COMPLETION_LINK = Path.of("share", "bash-completion", "completions", "sockshell");
    private static final Path PREFIX_ITSELF = Path.of(".");

    /** Names of what is written under a temporary name first; never a name the distribution uses. */
    private static final String NEW = ".sockshell-new-";
    private static final String OLD = ".sockshell-old-";

    private Installation() {
    }

    /** What install or uninstall does under a prefix, saying what it did on {@code out}. */
    interface Action {
        void run(Path prefix, PrintWriter out) throws Failure;
    }

    /**
     * Runs a command's {@code action}: exit status 0, or 1 with its failure as one line on
     * standard error ("sockshell install: ...").
     */
    static int report(CommandSpec spec, Path prefix, Action action) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            action.run(prefix, out);
            return 0;
        } catch (Failure e) {
            err.println("sockshell " + spec.name() + ": " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Install or uninstall could not be done; the message is one line, for the user. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    /**
     * What an installation holds, as its record says: the version installed, the links it made
     * and the folders it created (paths relative to the prefix; "." is the prefix itself).
     */
    record Record(String version, List<Path> links, List<Path> folders) {
        private static final String LINK = "link ";
        private static final String FOLDER = "folder ";

        /** The record of the installation under {@code prefix}, if there is one. */
        static Optional<Record> under(Path prefix) throws Failure {
            Path file = prefix.resolve(HOME).resolve(RECORD);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new Failure("cannot read " + file + ": " + describe(e));
            }
            String version = lines.isEmpty() ? "" : lines.get(0).replaceFirst("^sockshell ", "");
            List<Path> links = new ArrayList<>();
            List<Path> folders = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith(LINK)) {
                    links.add(Path.of(line.substring(LINK.length())));
                } else if (line.startsWith(FOLDER)) {
                    folders.add(Path.of(line.substring(FOLDER.length())));
                }
            }
            return Optional.of(new Record(version, links, folders));
        }

        void writeUnder(Path prefix) throws IOException {
            List<String> lines = new ArrayList<>();
            lines.add("sockshell " + version);
            lines.add("# Written by 'sockshell install'; 'sockshell uninstall' removes these links, this folder,");
            lines.add("# and the folders listed if they are empty. Paths are relative to " + prefix + ".");
            links.forEach(link -> lines.add(LINK + link));
            folders.forEach(folder -> lines.add(FOLDER + folder));
            Files.write(prefix.resolve(HOME).resolve(RECORD), lines, StandardCharsets.UTF_8);
        }
    }

    /** The distribution this code runs from (the folder above lib/sockshell.jar), if it runs from one. */
    static Optional<Path> running() {
        try {
            Path jar = Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = jar.getParent() == null ? null : jar.getParent().getParent();
            return root != null && jar.endsWith(JAR) && Files.isRegularFile(root.resolve(LAUNCHER))
                    ? Optional.of(root) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Installs {@code distribution} under {@code prefix} as {@code version}, replacing an
     * installation that is there; returns the record of the one it replaced, if any.
     */
    static Optional<Record> install(Path distribution, Path prefix, String version) throws Failure {
        for (Path part : List.of(LAUNCHER, JAR)) {
            if (!Files.isRegularFile(distribution.resolve(part))) {
                throw new Failure(distribution + " is not a sockshell distribution: it has no " + part);
            }
        }
        if (Files.exists(prefix) && !Files.isDirectory(prefix)) {
            throw new Failure(prefix + " is not a folder");
        }
        if (prefix.startsWith(distribution.toAbsolutePath().normalize())) {
            throw new Failure(prefix + " is inside the distribution it would copy; choose a prefix outside " + distribution);
        }
        Path home = prefix.resolve(HOME);
        Optional<Record> old = Record.under(prefix);
        if (Files.exists(home, LinkOption.NOFOLLOW_LINKS) && old.isEmpty()) {
            throw new Failure(home + " exists, but no sockshell install made it; move it away or choose another --prefix");
        }
        Map<Path, Path> links = links(distribution);
        for (Path link : links.keySet()) {
            boolean ours = old.isPresent() && old.get().links().contains(link);
            if (!ours && Files.exists(prefix.resolve(link), LinkOption.NOFOLLOW_LINKS)) {
                throw new Failure(prefix.resolve(link) + " exists, but no sockshell install made it;"
                        + " remove it or choose another --prefix");
            }
        }

        List<Path> created = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        Path copy = home.resolveSibling(NEW + UUID.randomUUID());
        try {
            createFolders(prefix, HOME.getParent(), created);
            for (Path link : links.keySet()) {
                createFolders(prefix, link.getParent(), created);
            }
            written.add(copy);
            copyTree(distribution, copy);
            for (Map.Entry<Path, Path> link : links.entrySet()) {
                Path place = prefix.resolve(link.getKey());
                Path fresh = place.resolveSibling(NEW + place.getFileName());
                Files.deleteIfExists(fresh);
                written.add(fresh);
                Files.createSymbolicLink(fresh, link.getValue());
            }
        } catch (IOException e) {
            removeQuietly(written, created, prefix);
            throw new Failure("cannot install in " + prefix + ": " + describe(e));
        }

        try {
            Path aside = home.resolveSibling(OLD + UUID.randomUUID());
            if (old.isPresent()) {
                for (Path link : old.get().links()) {
                    if (!links.containsKey(link)) {
                        removeLink(prefix, link);
                    }
                }
                Files.move(home, aside, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(copy, home, StandardCopyOption.ATOMIC_MOVE);
            for (Path link : links.keySet()) {
                Path place = prefix.resolve(link);
                Files.move(place.resolveSibling(NEW + place.getFileName()), place,
                        StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            Set<Path> folders = new LinkedHashSet<>(old.map(Record::folders).orElse(List.of()));
            folders.addAll(created);
            new Record(version, List.copyOf(links.keySet()), List.copyOf(folders)).writeUnder(prefix);
            if (old.isPresent()) {
                deleteTree(aside);
            }
        } catch (IOException e) {
            throw new Failure("install in " + prefix + " stopped halfway: " + describe(e));
        }
        return old;
    }

    /** Removes the installation under {@code prefix}; returns its record. */
    static Record uninstall(Path prefix) throws Failure {
        Record record = Record.under(prefix).orElseThrow(() -> new Failure(
                "sockshell is not installed in " + prefix + " (there is no " + prefix.resolve(HOME).resolve(RECORD) + ")"));
        try {
            for (Path link : record.links()) {
                removeLink(prefix, link);
            }
            deleteTree(prefix.resolve(HOME));
            List<Path> folders = record.folders();
            for (int i = folders.size() - 1; i >= 0; i--) {
                deleteIfEmpty(prefix.resolve(folders.get(i)).normalize());
            }
        } catch (IOException e) {
            throw new Failure("cannot uninstall from " + prefix + ": " + describe(e));
        }
        return record;
    }

    /**
     * Each link install makes (relative to the prefix) and what it points to (relative to the
     * link's folder, so a prefix that moves keeps working).
     */
    private static Map<Path, Path> links(Path distribution) throws Failure {
        Map<Path, Path> targets = new LinkedHashMap<>();
        targets.put(Path.of("bin", "sockshell"), HOME.resolve(LAUNCHER));
        Path pages = distribution.resolve(MAN_PAGES);
        if (Files.isDirectory(pages)) {
            try (Stream<Path> files = Files.list(pages)) {
                for (Path page : files.sorted().toList()) {
                    targets.put(MAN_LINKS.resolve(page.getFileName().toString()),
                            HOME.resolve(MAN_PAGES).resolve(page.getFileName().toString()));
                }
            } catch (IOException e) {
                throw new Failure("cannot read " + pages + ": " + describe(e));
            }
        }
        if (Files.isRegularFile(distribution.resolve(COMPLETION))) {
            targets.put(COMPLETION_LINK, HOME.resolve(COMPLETION));
        }
        Map<Path, Path> links = new LinkedHashMap<>();
        targets.forEach((link, target) -> links.put(link, link.getParent().relativize(target)));
        return links;
    }

    /**
     * Creates {@code folder} (relative to the prefix) and whichever of its parents, up to the
     * prefix itself, are missing; notes each one created, parents first.
     */
    private static void createFolders(Path prefix, Path folder, List<Path> created) throws IOException {
        List<Path> chain = new ArrayList<>();
        for (Path at = folder; at != null; at = at.getParent()) {
            chain.add(0, at);
        }
        chain.add(0, PREFIX_ITSELF);
        for (Path relative : chain) {
            Path absolute = prefix.resolve(relative).normalize();
            if (!Files.isDirectory(absolute)) {
                Files.createDirectory(absolute);
                created.add(relative);
            }
        }
    }

    /** Copies a folder's files, with their permissions (the launcher stays executable) but not their times. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(path));
                }
            }
        }
    }

    /** Removes a link install made, if it is still that link (one the user replaced stays). */
    private static void removeLink(Path prefix, Path link) throws IOException {
        Path place = prefix.resolve(link);
        if (Files.isSymbolicLink(place)
                && place.resolveSibling(Files.readSymbolicLink(place)).normalize().startsWith(prefix.resolve(HOME))) {
            Files.delete(place);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void deleteIfEmpty(Path folder) throws IOException {
        try {
            Files.deleteIfExists(folder);
        } catch (DirectoryNotEmptyException e) {
            // Something else lives there now: the folder stays.
        }
    }

    /** Undoes a failed install's writes: what it wrote, then the folders it created (deepest first). */
    private static void removeQuietly(List<Path> written, List<Path> created, Path prefix) {
        try {
            for (Path path : written) {
                deleteTree(path);
            }
            for (int i = created.size() - 1; i >= 0; i--) {
                deleteIfEmpty(prefix.resolve(created.get(i)).normalize());
            }
        } catch (IOException e) {
            // The prefix refused the install's first writes; what little it may have kept is harmless.
        }
    }

    /** An I/O failure as one line: the file and the system's reason, as coreutils print them. */
    static String describe(IOException e) {
        if (e instanceof FileSystemException failure && failure.getFile() != null) {
            String reason = failure.getReason();
            if (reason == null) {
                reason = e instanceof AccessDeniedException ? "Permission denied"
                        : e instanceof NoSuchFileException ? "No such file or directory"
                        : e instanceof FileAlreadyExistsException ? "File exists"
                        : e instanceof NotDirectoryException ? "Not a directory"
                        : e instanceof DirectoryNotEmptyException ? "Directory not empty"
                        : e.getClass().getSimpleName();
            }
            return failure.getFile() + ": " + reason;
        }
        return String.valueOf(e.getMessage());
    }
}
