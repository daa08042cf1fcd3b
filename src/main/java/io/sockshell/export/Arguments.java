package io.sockshell.export;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Range;

/**
 * A command's arguments as its own Picocli parser reads them: each positional parameter's
 * value by its label, each option given by each of its names. Picocli's parse costs tens of
 * microseconds, far more than the rest of an exported step, so a line of positional words only
 * is read straight from the command's positional parameters (their indexes and arities, as
 * Picocli would assign them), and the lines Picocli parsed are remembered.
 */
final class Arguments {
    /** How many distinct argument lists are remembered per command. */
    private static final int REMEMBERED = 4096;

    private final Map<String, Object> values;

    private Arguments(Map<String, Object> values) {
        this.values = values;
    }

    /** A positional parameter as the fast path needs it, read from Picocli's model once (its getters interpolate). */
    private record Positional(String label, int from, int to, boolean variableIndex, int minArity, int maxArity,
            boolean variableArity, boolean multiValue, Object initialValue) {
        static Positional of(PositionalParamSpec parameter) {
            Range index = parameter.index();
            Range arity = parameter.arity();
            return new Positional(parameter.paramLabel(), index.min(), index.max(),
                    index.isUnspecified() || index.isVariable(), arity.min(), arity.max(), arity.isVariable(),
                    parameter.isMultiValue(), copy(parameter.initialValue()));
        }
    }

    /** Reads one command's arguments, remembering each distinct list. */
    static final class Reader {
        private final CommandLine parser;
        private final List<Positional> positionals;
        private final Map<List<String>, Arguments> remembered = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<List<String>, Arguments> eldest) {
                return size() > REMEMBERED;
            }
        };

        Reader(CommandLine parser) {
            this.parser = parser;
            this.positionals = parser.getCommandSpec().positionalParameters().stream().map(Positional::of).toList();
        }

        Arguments read(List<String> words) {
            Arguments quick = positionalOnly(positionals, words);
            if (quick != null) {
                return quick;
            }
            Arguments known = remembered.get(words);
            if (known == null) {
                known = parsed(words);
                remembered.put(List.copyOf(words), known);
            }
            return known;
        }

        private Arguments parsed(List<String> words) {
            parser.parseArgs(words.toArray(new String[0]));
            CommandSpec spec = parser.getCommandSpec();
            Map<String, Object> values = new HashMap<>();
            for (PositionalParamSpec parameter : spec.positionalParameters()) {
                values.put(parameter.paramLabel(), copy(parameter.getValue()));
            }
            for (OptionSpec option : spec.options()) {
                if (!option.originalStringValues().isEmpty()) {
                    for (String name : option.names()) {
                        values.put(name, copy(option.getValue()));
                    }
                }
            }
            return new Arguments(values);
        }
    }

    /**
     * The arguments of a line with no option, read by index as Picocli assigns positional
     * words; null when the line has an option or a count Picocli would refuse, which the
     * parser then reads (and refuses with its own message).
     */
    private static Arguments positionalOnly(List<Positional> positionals, List<String> words) {
        for (String word : words) {
            if (word.startsWith("-")) {
                return null;
            }
        }
        Map<String, Object> values = new HashMap<>();
        int used = 0;
        for (Positional parameter : positionals) {
            int from = parameter.from();
            int to = parameter.variableIndex() ? words.size() : Math.min(words.size(), parameter.to() + 1);
            int count = Math.max(0, to - from);
            if (!parameter.multiValue()) {
                count = Math.min(count, 1);
            }
            int slots = parameter.variableIndex() ? 1 : Math.max(1, parameter.to() - parameter.from() + 1);
            if (count < parameter.minArity() || (!parameter.variableArity() && count > parameter.maxArity() * slots)) {
                return null;
            }
            if (count == 0) {
                values.put(parameter.label(), parameter.initialValue());
            } else if (parameter.multiValue()) {
                values.put(parameter.label(), List.copyOf(words.subList(from, from + count)));
            } else {
                values.put(parameter.label(), words.get(from));
            }
            used = Math.max(used, from + count);
        }
        return used == words.size() ? new Arguments(values) : null;
    }

    private static Object copy(Object value) {
        return value instanceof List<?> list ? List.copyOf(list) : value;
    }

    /** The value of the positional parameter {@code label}, or null when it was left out and has none. */
    String positional(String label) {
        Object value = values.get(label);
        return value == null ? null : value.toString();
    }

    /** The values of a positional parameter or option that takes several, empty when none were given. */
    @SuppressWarnings("unchecked")
    List<String> list(String name) {
        Object value = values.get(name);
        return value == null ? List.of() : (List<String>) value;
    }

    /** The text of an option, or null when the line did not give it. */
    String option(String name) {
        Object value = values.get(name);
        return value == null ? null : value.toString();
    }

    /** Whether the line gave the option. */
    boolean given(String name) {
        return values.containsKey(name);
    }
}
