package io.sockshell.transcript;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A command as written after its prompt, with {@code [[NAME]]} uses filled in when it runs. */
final class CommandTemplate {
    private final String text;
    /** Alternating pieces: literal text at even indexes, capture names at odd ones. */
    private final List<String> pieces;
    private final Set<String> uses;

    private CommandTemplate(String text, List<String> pieces) {
        this.text = text;
        this.pieces = pieces;
        if (pieces.size() == 1) {
            this.uses = Set.of();
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 1; i < pieces.size(); i += 2) {
            names.add(pieces.get(i));
        }
        this.uses = Collections.unmodifiableSet(names);
    }

    static CommandTemplate parse(String text, CaptureSyntax.Problem problem) throws TranscriptError {
        if (!text.contains(CaptureSyntax.OPEN)) {
            return new CommandTemplate(text, List.of(text));
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith(CaptureSyntax.OPEN, i)) {
                CaptureSyntax.Marker marker = CaptureSyntax.read(text, i, problem);
                if (marker.binds()) {
                    throw problem.at("capture [[" + marker.name() + ":...]] binds in a command; captures are bound"
                            + " in expected output and used in commands as [[" + marker.name() + "]]");
                }
                pieces.add(literal.toString());
                pieces.add(marker.name());
                literal.setLength(0);
                i = marker.end();
            } else {
                literal.append(text.charAt(i++));
            }
        }
        pieces.add(literal.toString());
        return new CommandTemplate(text, List.copyOf(pieces));
    }

    /** The command as written. */
    String text() {
        return text;
    }

    /** Literal text at even indexes, capture names at odd ones. */
    List<String> pieces() {
        return pieces;
    }

    Set<String> uses() {
        return uses;
    }

    /** The command with every use replaced by its value; callers check {@link #uses()} are bound first. */
    String fill(Map<String, String> values) {
        if (pieces.size() == 1) {
            return text;
        }
        StringBuilder filled = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            filled.append(i % 2 == 0 ? pieces.get(i) : values.get(pieces.get(i)));
        }
        return filled.toString();
    }
}
