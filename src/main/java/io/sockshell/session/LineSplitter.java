package io.sockshell.session;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words. Quotes keep spaces and stay in the word, so each command
 * decides what its quoted argument means (text, a bytes literal, a host); {@code #} starts a
 * comment; a final {@code &} asks for the command to run in the background.
 */
public final class LineSplitter {
    private LineSplitter() {
    }

    /** The words of one line, and whether it ended in {@code &}. */
    public record Split(List<String> words, boolean background) {
        public boolean isEmpty() {
            return words.isEmpty();
        }
    }

    /** A line whose quotes do not close. */
    public static final class UnbalancedQuote extends Exception {
        public UnbalancedQuote(String message) {
            super(message);
        }
    }

    public static Split split(String line) throws UnbalancedQuote {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        int quoteStart = -1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                word.append(c);
                if (c == '\\' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
                quoteStart = i;
                word.append(c);
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '#' && !inWord) {
                break;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new UnbalancedQuote("unterminated " + (quote == '"' ? "double" : "single")
                    + " quote starting at column " + (quoteStart + 1));
        }
        if (inWord) {
            words.add(word.toString());
        }
        boolean background = false;
        if (!words.isEmpty()) {
            String last = words.get(words.size() - 1);
            if (last.equals("&")) {
                words.remove(words.size() - 1);
                background = true;
            } else if (last.endsWith("&") && !last.endsWith("\\&")) {
                words.set(words.size() - 1, last.substring(0, last.length() - 1));
                background = true;
            }
        }
        return new Split(words, background);
    }
}
