package io.sockshell.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether this process talks to a person at a terminal, which decides prompts and colours. */
final class Terminals {
    private Terminals() {
    }

    /** True when standard input and output are a terminal (JDK 22+ asks the console itself). */
    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** Colours suit a terminal that is not dumb, unless the user set {@code NO_COLOR}. */
    static boolean colorful(boolean interactive) {
        String term = System.getenv("TERM");
        return interactive && System.getenv("NO_COLOR") == null && !"dumb".equals(term);
    }
}
