package io.sockshell.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Colours Java source for a terminal: keywords, text and number literals, comments. */
final class JavaHighlighter {
    static final String RESET = "\u001b[0m";
    static final String DIM = "\u001b[2m";
    private static final String KEYWORD = "\u001b[1;34m";
    private static final String LITERAL = "\u001b[32m";
    private static final String NUMBER = "\u001b[36m";

    private static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "new", "package", "private",
            "protected", "public", "record", "return", "short", "static", "super", "switch", "this", "throw",
            "throws", "try", "var", "void", "while", "true", "false", "null");

    private JavaHighlighter() {
    }

    /** Each line coloured on its own, so a line can be printed with a prefix before it. */
    static List<String> lines(List<String> code) {
        List<String> out = new ArrayList<>(code.size());
        boolean inBlockComment = false;
        for (String line : code) {
            StringBuilder colored = new StringBuilder();
            int i = 0;
            if (inBlockComment) {
                int end = line.indexOf("*/");
                i = end < 0 ? line.length() : end + 2;
                inBlockComment = end < 0;
                colored.append(DIM).append(line, 0, i).append(RESET);
            }
            while (i < line.length()) {
                char c = line.charAt(i);
                if (line.startsWith("//", i)) {
                    colored.append(DIM).append(line.substring(i)).append(RESET);
                    i = line.length();
                } else if (line.startsWith("/*", i)) {
                    int end = line.indexOf("*/", i + 2);
                    int stop = end < 0 ? line.length() : end + 2;
                    inBlockComment = end < 0;
                    colored.append(DIM).append(line, i, stop).append(RESET);
                    i = stop;
                } else if (c == '"' || c == '\'') {
                    int stop = quotedEnd(line, i, c);
                    colored.append(LITERAL).append(line, i, stop).append(RESET);
                    i = stop;
                } else if (Character.isDigit(c)) {
                    int stop = i;
                    while (stop < line.length() && (Character.isLetterOrDigit(line.charAt(stop)) || line.charAt(stop) == '_'
                            || line.charAt(stop) == '.')) {
                        stop++;
                    }
                    colored.append(NUMBER).append(line, i, stop).append(RESET);
                    i = stop;
                } else if (Character.isJavaIdentifierStart(c)) {
                    int stop = i;
                    while (stop < line.length() && Character.isJavaIdentifierPart(line.charAt(stop))) {
                        stop++;
                    }
                    String word = line.substring(i, stop);
                    colored.append(KEYWORDS.contains(word) ? KEYWORD + word + RESET : word);
                    i = stop;
                } else {
                    colored.append(c);
                    i++;
                }
            }
            out.add(colored.toString());
        }
        return out;
    }

    private static int quotedEnd(String line, int start, char quote) {
        int i = start + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return line.length();
    }
}
