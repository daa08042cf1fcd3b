package io.sockshell.transcript;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An expected output line: literal text with optional {@code [..]} wildcards and capture
 * markers, or, when it ends in {@code " (re)"}, a regular expression (which may hold capture
 * markers too). It must match a whole output line.
 */
final class MatchLine implements ExpectedLine {
    static final String REGEX_SUFFIX = " (re)";
    static final String WILDCARD = "[..]";

    enum Kind { LITERAL, WILDCARD, REGEX, BIND, USE }

    /** A piece of the line: literal or regex text, a wildcard, or a capture's binding or use. */
    record Segment(Kind kind, String text, String name) {
        /** The piece as written in the file. */
        String source() {
            return switch (kind) {
                case LITERAL, REGEX -> text;
                case WILDCARD -> WILDCARD;
                case BIND -> CaptureSyntax.OPEN + name + ":" + text + "]]";
                case USE -> CaptureSyntax.OPEN + name + "]]";
            };
        }
    }

    /** A line made ready to match, with the capture groups it binds in the order written. */
    record Compiled(Pattern pattern, List<String> boundNames) {
        /** The values bound by a full match of {@code actual}, or empty when it does not match. */
        Optional<Map<String, String>> match(String actual) {
            Matcher matcher = pattern.matcher(actual);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < boundNames.size(); i++) {
                values.put(boundNames.get(i), matcher.group(groupName(i)));
            }
            return Optional.of(values);
        }
    }

    private final String source;
    private final int line;
    private final boolean regex;
    private final List<Segment> segments;

    private MatchLine(String source, int line, boolean regex, List<Segment> segments) {
        this.source = source;
        this.line = line;
        this.regex = regex;
        this.segments = segments;
    }

    /**
     * Reads {@code body} (the line without a leading {@code \} escape) and checks that it
     * compiles; {@code source} is the line as written.
     */
    static MatchLine parse(String source, String body, int line, CaptureSyntax.Problem problem) throws TranscriptError {
        boolean regex = body.endsWith(REGEX_SUFFIX);
        String text = regex ? body.substring(0, body.length() - REGEX_SUFFIX.length()) : body;
        List<Segment> segments = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith(CaptureSyntax.OPEN, i)) {
                CaptureSyntax.Marker marker = CaptureSyntax.read(text, i, problem);
                flush(plain, regex, segments);
                segments.add(marker.binds()
                        ? new Segment(Kind.BIND, marker.regex(), marker.name())
                        : new Segment(Kind.USE, null, marker.name()));
                i = marker.end();
            } else if (!regex && text.startsWith(WILDCARD, i)) {
                flush(plain, false, segments);
                segments.add(new Segment(Kind.WILDCARD, null, null));
                i += WILDCARD.length();
            } else {
                plain.append(text.charAt(i++));
            }
        }
        flush(plain, regex, segments);
        MatchLine parsed = new MatchLine(source, line, regex, List.copyOf(segments));
        try {
            parsed.compile(Map.of());
        } catch (PatternSyntaxException e) {
            throw problem.at("bad regular expression (" + e.getDescription() + ")");
        }
        return parsed;
    }

    private static void flush(StringBuilder plain, boolean regex, List<Segment> segments) {
        if (plain.length() > 0) {
            segments.add(new Segment(regex ? Kind.REGEX : Kind.LITERAL, plain.toString(), null));
            plain.setLength(0);
        }
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public int line() {
        return line;
    }

    /** True for a line written as a regular expression ({@code ... (re)}). */
    boolean isRegex() {
        return regex;
    }

    List<Segment> segments() {
        return segments;
    }

    /** Names this line binds, in order. */
    List<String> bindings() {
        List<String> names = new ArrayList<>();
        for (Segment segment : segments) {
            if (segment.kind() == Kind.BIND) {
                names.add(segment.name());
            }
        }
        return names;
    }

    /** Names this line uses before binding them itself, in order. */
    Set<String> uses() {
        Set<String> names = new LinkedHashSet<>();
        Set<String> boundHere = new LinkedHashSet<>();
        for (Segment segment : segments) {
            if (segment.kind() == Kind.USE && !boundHere.contains(segment.name())) {
                names.add(segment.name());
            } else if (segment.kind() == Kind.BIND) {
                boundHere.add(segment.name());
            }
        }
        return names;
    }

    /**
     * The line as a regex. A use of a capture in {@code known} matches its value exactly; a
     * use of one bound earlier on this line must repeat it; a use of one not yet known (bound
     * by an earlier line of the same block) matches anything, to be checked afterwards.
     */
    Compiled compile(Map<String, String> known) {
        // The empty group first: for a pattern that starts with a literal, Java's regex compiler
        // builds a Boyer-Moore table in time quadratic in the literal's length (minutes for one
        // long expected line, found by fuzzing); matching one line at a time does not need it.
        StringBuilder regex = new StringBuilder("(?:)");
        List<String> bound = new ArrayList<>();
        for (Segment segment : segments) {
            switch (segment.kind()) {
                case LITERAL -> regex.append(Pattern.quote(segment.text()));
                case WILDCARD -> regex.append(".*?");
                case REGEX -> regex.append(segment.text());
                case BIND -> {
                    regex.append("(?<").append(groupName(bound.size())).append('>').append(segment.text()).append(')');
                    bound.add(segment.name());
                }
                case USE -> {
                    int earlier = bound.indexOf(segment.name());
                    if (earlier >= 0) {
                        regex.append("\\k<").append(groupName(earlier)).append('>');
                    } else if (known.containsKey(segment.name())) {
                        regex.append(Pattern.quote(known.get(segment.name())));
                    } else {
                        regex.append(".*?");
                    }
                }
            }
        }
        return new Compiled(Pattern.compile(regex.toString()), bound);
    }

    /**
     * The line as a Python regular expression, for a program in Python that finds a capture
     * in its own output again: a capture it binds is the group of its name, a use of a capture
     * bound earlier on the line repeats that group, any other use matches anything. A line
     * written as a regex keeps its text, which the common regex syntax reads alike in both.
     */
    String pythonRegex() {
        StringBuilder regex = new StringBuilder();
        List<String> bound = new ArrayList<>();
        for (Segment segment : segments) {
            switch (segment.kind()) {
                case LITERAL -> pythonQuote(segment.text(), regex);
                case WILDCARD -> regex.append(".*?");
                case REGEX -> regex.append(segment.text());
                case BIND -> {
                    regex.append("(?P<").append(segment.name()).append('>').append(segment.text()).append(')');
                    bound.add(segment.name());
                }
                case USE -> regex.append(bound.contains(segment.name()) ? "(?P=" + segment.name() + ")" : ".*?");
            }
        }
        return regex.toString();
    }

    /** A backslash before each character Python's regex syntax gives a meaning outside a class. */
    private static void pythonQuote(String text, StringBuilder regex) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("()[]{}?*+|^$\\.".indexOf(c) >= 0) {
                regex.append('\\');
            }
            regex.append(c);
        }
    }

    private static String groupName(int index) {
        return "capture" + index;
    }
}
