package io.sockshell.replay;

import java.lang.reflect.Method;
import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.execution.LocalExecutionControlProvider;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's local execution engine for one replayed program, which shows a value only up to a
 * limit: a longer value is cut here, before JShell scans the whole of it for its own class
 * names (a regular expression that took about 100 ms a snippet over a 4 MB {@code bytes}).
 * A value naming JShell's classes is left whole for JShell to clean, as it would be.
 */
final class ShortValueEngine extends LocalExecutionControlProvider {
    /** A value cut to {@code shown}, which was {@code length} characters long in all. */
    record Cut(String shown, int length) {
    }

    /** What JShell's clean-up takes out, and the only reason to leave a value whole. */
    private static final String JSHELL_CLASS_PREFIX = "REPL.";

    private final int limit;
    private volatile Cut lastCut;

    /** {@code limit}: the longest value shown whole. */
    ShortValueEngine(int limit) {
        this.limit = limit;
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return new LocalExecutionControl() {
            @Override
            protected String invoke(Method doitMethod) throws Exception {
                String value = super.invoke(doitMethod);
                if (value == null || value.length() <= limit || value.contains(JSHELL_CLASS_PREFIX)) {
                    return value;
                }
                lastCut = new Cut(value.substring(0, limit), value.length());
                return lastCut.shown();
            }
        };
    }

    /** The value cut since the last call, if any (at most one: a snippet has one value). */
    Cut takeCut() {
        Cut cut = lastCut;
        lastCut = null;
        return cut;
    }
}
