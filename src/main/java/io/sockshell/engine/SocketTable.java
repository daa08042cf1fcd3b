package io.sockshell.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The named sockets, files and other holdings ({@link Holding}: programs, links) of one
 * session. Names are the user's, or given automatically ({@code s1}, {@code conn1},
 * {@code f1}). A name held by an open socket, file or holding cannot be taken by another, so
 * nothing the user holds is lost by a typo.
 */
public final class SocketTable {
    private final SocketBackend backend;
    private final Map<String, Sock> sockets = new LinkedHashMap<>();
    private final Map<String, LineFile> files = new LinkedHashMap<>();
    private final Map<String, Holding> holdings = new LinkedHashMap<>();
    /** One object of each type that the holdings of a kind share (the guard of every program); closed after them. */
    private final Map<Class<?>, AutoCloseable> shared = new LinkedHashMap<>();
    private final Map<String, Integer> counters = new LinkedHashMap<>();
    /**
     * Sockets closed by name while a file made from them was open. CPython's close leaves the
     * descriptor to the file (the socket counts its files), so the socket still works until the
     * last of its files closes; its name is free at once.
     */
    private final Set<Sock> closedByName = Collections.newSetFromMap(new IdentityHashMap<>());
    private volatile CloseWatcher closeWatcher = sock -> { };

    /** Told of each socket just before it closes, while its addresses can still be read. */
    @FunctionalInterface
    public interface CloseWatcher {
        void closing(Sock sock);
    }

    public SocketTable(SocketBackend backend) {
        this.backend = backend;
    }

    /**
     * Tells {@code watcher} of every socket about to close from now on: a connection goes on
     * in the kernel after its socket is closed (FIN_WAIT2, LAST_ACK, TIME_WAIT), and whoever
     * shows it must know whose it was.
     */
    public void watchCloses(CloseWatcher watcher) {
        this.closeWatcher = watcher;
    }

    public SocketBackend backend() {
        return backend;
    }

    /** Opens a socket under {@code name}, or under the next free {@code sN} when name is null. */
    public synchronized String open(String name, Family family, Kind kind) throws SockError {
        String chosen = claim(name, "s");
        Sock sock = backend.open(family, kind);
        sock.label(chosen);
        files.remove(chosen);
        holdings.remove(chosen);
        sockets.put(chosen, sock);
        return chosen;
    }

    /** Adds a socket the engine made (from accept) under {@code name} or the next {@code connN}. */
    public synchronized String add(String name, Sock sock, String prefix) throws SockError {
        String chosen = claim(name, prefix);
        sock.label(chosen);
        files.remove(chosen);
        holdings.remove(chosen);
        sockets.put(chosen, sock);
        return chosen;
    }

    public synchronized String addFile(String name, LineFile file) throws SockError {
        String chosen = claim(name, "f");
        sockets.remove(chosen);
        holdings.remove(chosen);
        files.put(chosen, file);
        return chosen;
    }

    /**
     * Keeps {@code holding} under {@code name}, which must be free as a socket's would have to be,
     * or under the next free name made of its kind and a number when name is null.
     */
    public synchronized String hold(String name, Holding holding) throws SockError {
        String chosen = claim(name, holding.kind());
        sockets.remove(chosen);
        files.remove(chosen);
        holdings.put(chosen, holding);
        return chosen;
    }

    /** The holding under {@code name}, which must be of {@code type}; a TypeError names what holds it instead. */
    public synchronized <T extends Holding> T holding(String name, Class<T> type, String kind) throws SockError {
        Holding found = holdings.get(name);
        if (type.isInstance(found)) {
            return type.cast(found);
        }
        String other = found != null ? found.kind() : sockets.containsKey(name) ? "socket" : files.containsKey(name)
                ? "file" : null;
        throw other == null ? nameError(name) : SockError.plain("TypeError", "'" + name + "' is a" + article(other) + " "
                + other + ", not a" + article(kind) + " " + kind);
    }

    /** What {@code name} holds if it is a holding (a program, a link) rather than a socket or file. */
    public synchronized Optional<Holding> held(String name) {
        return Optional.ofNullable(holdings.get(name));
    }

    public synchronized Map<String, Holding> holdings() {
        return new LinkedHashMap<>(holdings);
    }

    /**
     * The session's one object of {@code type}, made by {@code create} the first time it is
     * asked for; closed by {@link #closeAll()} after every holding.
     */
    public synchronized <T extends AutoCloseable> T shared(Class<T> type, Supplier<T> create) {
        return type.cast(shared.computeIfAbsent(type, unused -> create.get()));
    }

    /** Checks that {@code name} could be given to a new socket or file, before any work is done. */
    public synchronized void checkFree(String name) throws SockError {
        if (name != null) {
            claim(name, "s");
        }
    }

    public synchronized Sock socket(String name) throws SockError {
        return named(sockets, files, name, "a file, not a socket", "socket");
    }

    public synchronized LineFile file(String name) throws SockError {
        return named(files, sockets, name, "a socket, not a file (makefile makes one)", "file");
    }

    /** What {@code name} holds in {@code kind}; a TypeError when {@code other} or a holding holds it instead. */
    private <T> T named(Map<String, T> kind, Map<String, ?> other, String name, String otherKind, String wanted)
            throws SockError {
        T found = kind.get(name);
        if (found == null) {
            Holding holding = holdings.get(name);
            if (holding != null) {
                throw SockError.plain("TypeError", "'" + name + "' is a" + article(holding.kind()) + " "
                        + holding.kind() + ", not a " + wanted);
            }
            throw other.containsKey(name)
                    ? SockError.plain("TypeError", "'" + name + "' is " + otherKind)
                    : nameError(name);
        }
        return found;
    }

    public synchronized Optional<Sock> find(String name) {
        return Optional.ofNullable(sockets.get(name));
    }

    public synchronized Map<String, Sock> sockets() {
        return new LinkedHashMap<>(sockets);
    }

    public synchronized Map<String, LineFile> files() {
        return new LinkedHashMap<>(files);
    }

    /** Names of sockets and files still open, in creation order. */
    public synchronized List<String> openNames() {
        List<String> open = new ArrayList<>();
        sockets.forEach((name, sock) -> {
            if (!sock.isClosed() && !closedByName.contains(sock)) {
                open.add(name);
            }
        });
        files.forEach((name, file) -> {
            if (!file.isClosed()) {
                open.add(name);
            }
        });
        holdings.forEach((name, holding) -> {
            if (holding.isOpen()) {
                open.add(name);
            }
        });
        return open;
    }

    /**
     * What is still open, one line each in creation order, as the end of a transcript reports
     * it: {@code socket s still open}, {@code file f still open}, {@code program srv still running}.
     */
    public synchronized List<String> leftovers() {
        List<String> left = new ArrayList<>();
        for (String name : openNames()) {
            Holding holding = holdings.get(name);
            left.add(holding != null ? holding.kind() + " " + name + " " + holding.leftover()
                    : (files.containsKey(name) ? "file " : "socket ") + name + " still open");
        }
        return left;
    }

    /**
     * Closes the file or socket called {@code name}, as Python's {@code close} does: a socket
     * with a file still open stays usable until that file closes too.
     */
    public void close(String name) throws SockError {
        LineFile file;
        Sock sock;
        synchronized (this) {
            file = files.get(name);
            sock = file == null ? socket(name) : null;
            if (sock != null && hasOpenFile(sock)) {
                closedByName.add(sock);
                return;
            }
        }
        if (sock != null) {
            closeSocket(sock);
            return;
        }
        try {
            file.close();
        } finally {
            Sock under = file.socket();
            boolean last;
            synchronized (this) {
                last = closedByName.contains(under) && !hasOpenFile(under);
                if (last) {
                    closedByName.remove(under);
                }
            }
            if (last) {
                closeSocket(under);
            }
        }
    }

    private boolean hasOpenFile(Sock sock) {
        for (LineFile file : files.values()) {
            if (file.socket() == sock && !file.isClosed()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Closes every holding, what they share, every file and every socket, each even when another
     * fails. The holdings close outside the table's lock: closing one waits for its threads, which
     * may be looking at the table meanwhile (a link's pump finds the shell's socket it writes to).
     */
    public void closeAll() {
        List<Holding> open;
        synchronized (this) {
            open = new ArrayList<>(holdings.values());
        }
        for (Holding holding : open) {
            holding.close();
        }
        closeTheRest();
    }

    private synchronized void closeTheRest() {
        for (AutoCloseable one : shared.values()) {
            try {
                one.close();
            } catch (Exception ignored) {
                // Whatever it held is released as far as it could be; the rest still closes.
            }
        }
        shared.clear();
        for (LineFile file : files.values()) {
            try {
                file.close();
            } catch (SockError ignored) {
                // The socket under it may be gone already; the file is closed regardless.
            }
        }
        for (Sock sock : sockets.values()) {
            closeSocket(sock);
        }
        for (Sock sock : closedByName) {
            closeSocket(sock);
        }
        closedByName.clear();
    }

    private void closeSocket(Sock sock) {
        if (!sock.isClosed()) {
            closeWatcher.closing(sock);
        }
        sock.close();
    }

    private String claim(String name, String prefix) throws SockError {
        if (name == null) {
            int next = counters.getOrDefault(prefix, 0);
            String candidate;
            do {
                next++;
                candidate = prefix + next;
            } while (sockets.containsKey(candidate) || files.containsKey(candidate) || holdings.containsKey(candidate));
            counters.put(prefix, next);
            return candidate;
        }
        if (!validName(name)) {
            throw SockError.plain("SyntaxError", "invalid name '" + name
                    + "' (use letters, digits and _, starting with a letter or _)");
        }
        Sock existing = sockets.get(name);
        LineFile existingFile = files.get(name);
        Holding existingHolding = holdings.get(name);
        if ((existing != null && !existing.isClosed() && !closedByName.contains(existing))
                || (existingFile != null && !existingFile.isClosed())
                || (existingHolding != null && existingHolding.isOpen())) {
            throw SockError.plain("NameError", "name '" + name + "' is already an open "
                    + (existing != null ? "socket" : existingFile != null ? "file" : existingHolding.kind())
                    + "; close it first or pick another name");
        }
        return name;
    }

    private static String article(String noun) {
        return "aeiou".indexOf(noun.charAt(0)) >= 0 ? "n" : "";
    }

    public static boolean validName(String name) {
        if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
            return false;
        }
        for (char c : name.toCharArray()) {
            if (!(Character.isLetterOrDigit(c) || c == '_') || c > 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static SockError nameError(String name) {
        return SockError.plain("NameError", "name '" + name + "' is not defined");
    }
}
