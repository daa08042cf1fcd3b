package io.sockshell.py.spi;

import io.sockshell.engine.Family;
import io.sockshell.engine.Kind;
import io.sockshell.engine.Readiness;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import java.io.IOException;
import java.util.List;

/**
 * What the facade asks of the program its calls run in: {@code sys.argv}, the keyboard, the
 * output, its sockets, and the bookkeeping that lets a call that waits be stopped. The
 * sockets it opens are the ones the facade's calls go to, so whoever runs the program decides
 * how those calls reach the engine (straight through, or under a conductor's turns).
 */
public interface RunningProgram {
    /** {@code sys.argv}: the program's name, then its arguments. */
    List<String> argv();

    /** Replaces {@code sys.argv}, as assigning it does. */
    void argv(List<String> values);

    /** Lines for the next {@code input()} calls, read before the keyboard is. */
    void typeAhead(List<String> lines);

    /**
     * {@code input(prompt)}: shows the prompt once the program may read the keyboard, then
     * reads one line, without its newline; null at the end of input. The output shows what
     * was read where the terminal did not, and ends the prompt's line at the end of input.
     */
    String input(String prompt) throws SockError, IOException;

    /** What the program prints, in pieces that need not end in a newline. */
    void write(String text);

    /**
     * Runs one call as {@code name} (such as {@code recv()}), so that stopping the program
     * cuts short its wait; raises at once if the program was stopped.
     */
    <T> T call(String name, SockCall<T> body) throws SockError;

    /** A new socket of the program. */
    Sock open(Family family, Kind kind) throws SockError;

    /** {@code select.select} over sockets the program opened or accepted; null waits for ever, 0.0 only looks. */
    Readiness<Sock> select(List<Sock> read, List<Sock> write, List<Sock> except, Double timeout) throws SockError;

    /** A port a socket of the program listens on ({@code listening}), or an ephemeral port it met. */
    void seenPort(int port, boolean listening);

    /** A socket of the program has started listening on {@code port} (its {@code listen()} returned). */
    void listening(int port);

    /** A socket the program opened or accepted. */
    void opened(OpenSocket socket);

    /** A socket the program closed. */
    void closed(OpenSocket socket);
}
