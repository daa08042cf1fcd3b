package io.sockshell.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The named sockets and files of one session. Names are the user's, or given automatically
 * ({@code s1}, {@code conn1}, {@code f1}). A name held by an open socket or file cannot be
 * taken by another, so nothing the user holds is lost by a typo.
 */
public final class SocketTable {
    private final SocketBackend backend;
    private final Map<String, Sock> sockets = new LinkedHashMap<>();
    private final Map<String, LineFile> files = new LinkedHashMap<>();
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
        sockets.put(chosen, sock);
        return chosen;
    }

    /** Adds a socket the engine made (from accept) under {@code name} or the next {@code connN}. */
    public synchronized String add(String name, Sock sock, String prefix) throws SockError {
        String chosen = claim(name, prefix);
        sock.label(chosen);
        files.remove(chosen);
        sockets.put(chosen, sock);
        return chosen;
    }

    public synchronized String addFile(String name, LineFile file) throws SockError {
        String chosen = claim(name, "f");
        sockets.remove(chosen);
        files.put(chosen, file);
        return chosen;
    }

    /** Checks that {@code name} could be given to a new socket or file, before any work is done. */
    public synchronized void checkFree(String name) throws SockError {
        if (name != null) {
            claim(name, "s");
        }
    }

    public synchronized Sock socket(String name) throws SockError {
        return named(sockets, files, name, "a file, not a socket");
    }

    public synchronized LineFile file(String name) throws SockError {
        return named(files, sockets, name, "a socket, not a file (makefile makes one)");
    }

    /** What {@code name} holds in {@code kind}; a TypeError when {@code other} holds it instead. */
    private static <T> T named(Map<String, T> kind, Map<String, ?> other, String name, String otherKind)
            throws SockError {
        T found = kind.get(name);
        if (found == null) {
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
        return open;
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

    /** Closes every file and socket, each even when another fails. */
    public synchronized void closeAll() {
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
            } while (sockets.containsKey(candidate) || files.containsKey(candidate));
            counters.put(prefix, next);
            return candidate;
        }
        if (!validName(name)) {
            throw SockError.plain("SyntaxError", "invalid name '" + name
                    + "' (use letters, digits and _, starting with a letter or _)");
        }
        Sock existing = sockets.get(name);
        LineFile existingFile = files.get(name);
        if ((existing != null && !existing.isClosed() && !closedByName.contains(existing))
                || (existingFile != null && !existingFile.isClosed())) {
            throw SockError.plain("NameError", "name '" + name + "' is already an open "
                    + (existing != null ? "socket" : "file") + "; close it first or pick another name");
        }
        return name;
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
