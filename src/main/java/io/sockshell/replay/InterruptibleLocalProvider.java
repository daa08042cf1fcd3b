package io.sockshell.replay;

import io.sockshell.py.runtime.Program;
import java.util.List;
import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.execution.LocalExecutionControlProvider;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's local execution engine, with Ctrl-C reaching socket calls. Stopping a snippet on
 * the stock local engine interrupts its thread (or not at all, on older JDKs), which a socket
 * wait in the engine does not notice; this one first cuts short the waits of the program, as
 * Ctrl-C does in Python. {@code sockshell jshell} selects it by name.
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
                Program.current().interruptWaits();
                super.stop();
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
}
