package io.sockshell.engine;

import java.util.List;
import java.util.OptionalInt;

/**
 * Something other than a socket or a file that a session holds by name: a program it started,
 * a link that relays connections. A new kind plugs in by implementing this and handing each one
 * to {@link SocketTable#hold}; nothing else changes. From then on the table keeps its name under
 * the same rule as a socket's (no open socket, file or holding can take it), {@code sockets}
 * lists it in a table of its kind, {@code close NAME} closes it, {@code NAME.port} gives its
 * port, the end of a transcript reports it while it is open, and the session's end closes it.
 */
public interface Holding {
    /** What it is, in messages and leftovers: {@code program}. */
    String kind();

    /** The header of its kind's table in {@code sockets}, the name's column first: {@code PROGRAM PID STATE COMMAND}. */
    List<String> columns();

    /**
     * Its rows in that table, each as many cells as {@link #columns()}, the first row starting
     * with {@code name}; more than one when it has parts of its own (a link's connections).
     */
    List<List<String>> rows(String name);

    /** Whether it still holds its name and what it stands for (a running program, a listening link). */
    boolean isOpen();

    /** What the end of a transcript says of it while it is open, after its kind and name: {@code still running}. */
    String leftover();

    /**
     * Ends it, even if that takes force, within a bound of its own; returns the lines to tell the
     * user (none when it ended quietly). It never throws: a session closes every holding it has.
     * Closing it again does nothing and says nothing.
     */
    List<String> close();

    /**
     * What {@code trace on} shows of it since the last call, one line each without the
     * {@code | } mark: a link's pieces as they are delivered. The session asks after each command.
     */
    default List<String> traced() {
        return List.of();
    }

    /** The port {@code NAME.port} stands for: where it listens. */
    default OptionalInt port() {
        return OptionalInt.empty();
    }
}
