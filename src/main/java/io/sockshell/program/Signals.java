package io.sockshell.program;

import java.util.List;
import java.util.Locale;

/** The signals {@code signal NAME SIG} sends: by name, with or without SIG in front. */
final class Signals {
    static final List<String> NAMES = List.of("INT", "TERM", "KILL", "HUP");

    private Signals() {
    }

    /** {@code INT}, {@code sigint} and {@code SIGINT} are INT; null for anything else. */
    static String parse(String raw) {
        String name = raw.toUpperCase(Locale.ROOT);
        if (name.startsWith("SIG")) {
            name = name.substring(3);
        }
        return NAMES.contains(name) ? name : null;
    }
}
