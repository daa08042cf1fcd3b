package io.sockshell.py.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Where {@code input()} reads its lines: a person at a terminal, a pipe, or a scripted list. */
public interface KeyboardLines {
    /** The next line without its newline, or null at the end of input. */
    String readLine() throws IOException;

    /**
     * Whether the program should print what was read. A terminal already shows what the person
     * typed; a scripted line would otherwise be invisible in the output.
     */
    boolean echoes();

    /**
     * Whether a line is there to read already, typed before anything asked for it: a terminal
     * showed it then, not after the question that reads it now.
     */
    default boolean typedAhead() {
        return false;
    }

    /** A keyboard with nothing left to type: every read is the end of input. */
    KeyboardLines EMPTY = new KeyboardLines() {
        @Override
        public String readLine() {
            return null;
        }

        @Override
        public boolean echoes() {
            return true;
        }
    };

    static KeyboardLines reader(BufferedReader reader, boolean echoes) {
        return new KeyboardLines() {
            @Override
            public String readLine() throws IOException {
                return reader.readLine();
            }

            @Override
            public boolean echoes() {
                return echoes;
            }

            @Override
            public boolean typedAhead() {
                try {
                    return reader.ready();
                } catch (IOException e) {
                    return false;
                }
            }
        };
    }

    /** These lines first, in order, then whatever {@code then} gives. */
    static KeyboardLines scripted(List<String> lines, KeyboardLines then) {
        Deque<String> left = new ArrayDeque<>(lines);
        return new KeyboardLines() {
            private boolean lastWasScripted = true;

            @Override
            public synchronized String readLine() throws IOException {
                lastWasScripted = !left.isEmpty();
                return lastWasScripted ? left.poll() : then.readLine();
            }

            @Override
            public synchronized boolean echoes() {
                return lastWasScripted || then.echoes();
            }
        };
    }
}
