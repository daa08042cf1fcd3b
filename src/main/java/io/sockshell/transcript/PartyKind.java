package io.sockshell.transcript;

import java.nio.file.Path;
import java.util.List;

/** Starts parties of one kind, as named on a {@code %party NAME KIND ARGUMENT...} line. */
@FunctionalInterface
public interface PartyKind {
    /**
     * Starts a party. {@code directory} is the transcript's folder, against which arguments
     * naming files are resolved. A kind that cannot start says why in one sentence.
     */
    Party start(String name, List<String> arguments, Path directory) throws PartyStartException;

    /** A party that could not start; its message is one sentence. */
    final class PartyStartException extends Exception {
        public PartyStartException(String sentence) {
            super(sentence);
        }
    }
}
