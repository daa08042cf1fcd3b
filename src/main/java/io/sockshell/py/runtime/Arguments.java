package io.sockshell.py.runtime;

import java.util.ArrayList;
import java.util.List;

/** Splits the argument and keyboard strings a stock jshell run receives through its settings. */
final class Arguments {
    private Arguments() {
    }

    /** Words split at spaces; single or double quotes keep spaces in one word, as a shell does. */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * Keyboard lines: split at newlines, and at a written {@code \n} too, because a
     * {@code -R-D} option on a command line cannot easily hold a real newline.
     */
    static List<String> lines(String text) {
        String normalized = text.replace("\\n", "\n");
        List<String> lines = new ArrayList<>(List.of(normalized.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty() && normalized.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
