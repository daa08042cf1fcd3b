package io.sockshell.transcript;

import java.nio.file.Path;
import java.util.Map;

/**
 * Points {@code @NAME} data arguments at the files a transcript carries ({@code %file NAME}),
 * which a run writes to a folder of its own. Only whole {@code @NAME} words outside quotes
 * that name a carried file change; every other {@code @path} keeps its meaning.
 */
final class FileReferences {
    private static final String NAME_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-";
    /** What may stand before and after a data atom: a word break, or a data operator. */
    private static final String BOUNDARIES = " \t+*&";

    private FileReferences() {
    }

    static String rewrite(String command, Map<String, Path> files) {
        if (files.isEmpty() || command.indexOf('@') < 0) {
            return command;
        }
        StringBuilder out = new StringBuilder();
        char quote = 0;
        int i = 0;
        while (i < command.length()) {
            char c = command.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < command.length()) {
                    out.append(command.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                i++;
            } else if (c == '"' || c == '\'') {
                quote = c;
                out.append(c);
                i++;
            } else if (c == '@' && (i == 0 || BOUNDARIES.indexOf(command.charAt(i - 1)) >= 0)) {
                int end = i + 1;
                while (end < command.length() && NAME_CHARACTERS.indexOf(command.charAt(end)) >= 0) {
                    end++;
                }
                Path file = files.get(command.substring(i + 1, end));
                boolean wholeWord = end == command.length() || BOUNDARIES.indexOf(command.charAt(end)) >= 0;
                out.append('@').append(file != null && wholeWord ? file.toString() : command.substring(i + 1, end));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
