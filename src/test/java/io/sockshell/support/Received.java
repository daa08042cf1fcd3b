package io.sockshell.support;

import io.sockshell.command.DataLiteral;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads back how many bytes a printed result holds, in the session's short display style. */
public final class Received {
    private static final Pattern SHORTENED = Pattern.compile("b(['\"]).*\\1\\.\\.\\. \\((\\d+) bytes\\)");

    private Received() {
    }

    /** The length of {@code b'...'} or of a shortened {@code b'...'... (N bytes)}. */
    public static int length(String printed) {
        Matcher shortened = SHORTENED.matcher(printed);
        if (shortened.matches()) {
            return Integer.parseInt(shortened.group(2));
        }
        try {
            return DataLiteral.parse(printed).length();
        } catch (DataLiteral.BadLiteral e) {
            throw new AssertionError("not a bytes result: " + printed, e);
        }
    }
}
