package io.sockshell.transcript;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** Starts parties of one kind, as named on a {@code %party NAME KIND ARGUMENT...} line. */
@FunctionalInterface
public interface PartyKind {
    /**
     * Starts a party. {@code directory} is the transcript's folder, against which arguments
     * naming files are resolved. A kind that cannot start says why in one sentence.
     */
    Party start(String name, List<String> arguments, Path directory) throws PartyStartException;

    /**
     * A kind whose parties take no arguments: {@code start} makes each one, and a
     * {@code %party} line giving arguments is refused, naming the kind ({@code "a shell party
     * takes no arguments, but got: ..."}).
     */
    static PartyKind withoutArguments(String kindName, Supplier<? extends Party> start) {
        return (name, arguments, directory) -> {
            if (!arguments.isEmpty()) {
                throw new PartyStartException("a " + kindName + " party takes no arguments, but got: "
                        + String.join(" ", arguments));
            }
            return start.get();
        };
    }

    /** A party that could not start; its message is one sentence. */
    final class PartyStartException extends Exception {
        public PartyStartException(String sentence) {
            super(sentence);
        }
    }
}
