package io.sockshell.replay;

import io.sockshell.py.PyException;
import io.sockshell.py.runtime.Program;
import java.util.List;
import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.execution.LocalExecutionControlProvider;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's local execution engine, with Ctrl-C reaching socket calls and Python's errors shown
 * as Python shows them. {@code sockshell jshell} selects it by name.
 *
 * <p>Stopping a snippet on the stock local engine stops its thread (JDK 17) or makes it throw
 * at its next loop (later JDKs): a socket wait does not notice, and the snippet ends
 * "stopped", its variable null. Here Ctrl-C during a socket wait cuts short that wait, as
 * Ctrl-C does in Python, so the call raises {@code KeyboardInterrupt} in the snippet; only
 * a snippet busy in Java code is stopped the stock way.
 *
 * <p>A Python error the snippet does not catch ({@code OSError}, {@code KeyboardInterrupt},
 * ...) is reported as its one line, {@code Exception OSError: [Errno 98] Address already in
 * use}, without the Java stack trace of the facade and the engine under it.
 */
public final class InterruptibleLocalProvider extends LocalExecutionControlProvider {
    static final String NAME = "sockshell";

    @Override
    public String name() {
        return NAME;
    }

    /** As the JDK's local provider does, including the class path jshell was given. */
    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        ExecutionControl control = new LocalExecutionControl() {
            @Override
            public void stop() throws EngineTerminationException, InternalException {
                if (!Program.current().interruptWaits()) {
                    super.stop();
                }
            }

            @Override
            protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
                if (cause instanceof PyException error) {
                    throw pythonError(error);
                }
                return super.throwConvertedInvocationException(cause);
            }
        };
        List<String> options = env.extraRemoteVMOptions();
        int classPath = options.indexOf("--class-path") + 1;
        if (classPath > 0 && classPath < options.size()) {
            try {
                control.addToClasspath(options.get(classPath));
            } catch (ExecutionControl.ExecutionControlException e) {
                throw new IllegalStateException("cannot put " + options.get(classPath) + " on the class path", e);
            }
        }
        return control;
    }

    /**
     * A Python error as JShell reports it, {@code Exception CLASS: DETAIL}, with no Java frames:
     * the class is Python's, the detail what follows it in CPython's line.
     */
    static ExecutionControl.UserException pythonError(PyException error) {
        String line = error.getMessage();
        String pythonClass = error.pythonClass();
        String detail = line.equals(pythonClass) ? null
                : line.startsWith(pythonClass + ": ") ? line.substring(pythonClass.length() + 2)
                : line.startsWith(pythonClass) ? line.substring(pythonClass.length()).strip()
                : line;
        return new ExecutionControl.UserException(detail, pythonClass, new StackTraceElement[0]);
    }
}
