package io.sockshell.engine;

import java.util.Locale;
import java.util.Optional;

/** The socket options the engine supports, with the level Python passes them at. */
public enum SockOption {
    SO_REUSEADDR("SOL_SOCKET"),
    SO_REUSEPORT("SOL_SOCKET"),
    SO_KEEPALIVE("SOL_SOCKET"),
    SO_RCVBUF("SOL_SOCKET"),
    SO_SNDBUF("SOL_SOCKET"),
    SO_LINGER("SOL_SOCKET"),
    SO_BROADCAST("SOL_SOCKET"),
    SO_ERROR("SOL_SOCKET"),
    TCP_NODELAY("IPPROTO_TCP");

    private final String level;

    SockOption(String level) {
        this.level = level;
    }

    public String level() {
        return level;
    }

    /** Whether the option only reads (SO_ERROR). */
    public boolean readOnly() {
        return this == SO_ERROR;
    }

    public static Optional<SockOption> byName(String name) {
        try {
            return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
