package io.sockshell.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The three lists {@code select.select} returns: what is ready to read, to write, and in error.
 * The engine answers in its own sockets; a layer above (the Python facade) maps them to its own.
 */
public record Readiness<S>(List<S> readable, List<S> writable, List<S> exceptional) {
    /** Nothing ready, as a select that timed out returns. */
    public static <S> Readiness<S> none() {
        return new Readiness<>(List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return readable.isEmpty() && writable.isEmpty() && exceptional.isEmpty();
    }

    /** The same answer told in other objects, one for each socket, order kept. */
    public <T> Readiness<T> map(Function<? super S, ? extends T> each) {
        return new Readiness<>(mapped(readable, each), mapped(writable, each), mapped(exceptional, each));
    }

    private static <S, T> List<T> mapped(List<S> items, Function<? super S, ? extends T> each) {
        List<T> out = new ArrayList<>(items.size());
        for (S item : items) {
            out.add(each.apply(item));
        }
        return out;
    }

    /** Python's tuple of three lists, each element as its {@code toString} (its repr). */
    @Override
    public String toString() {
        return "(" + readable + ", " + writable + ", " + exceptional + ")";
    }
}
