package io.sockshell.py.spi;

/**
 * A socket a program holds open, as the runtime keeps track of it: closed for the program
 * when it ends, as the system closes a process's sockets, and shown in reports by its
 * {@code toString}, Python's repr.
 */
public interface OpenSocket {
    /**
     * Closes the descriptor, as a process's exit does: even where Python's close would leave it
     * to a file made from the socket. Closing twice is harmless.
     */
    void closeAtExit();
}
