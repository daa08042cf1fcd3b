package io.sockshell.py.runtime;

import io.sockshell.py.spi.ProgramProvider;
import io.sockshell.py.spi.RunningProgram;

/** How the facade finds its program: the one bound to the calling thread, or the process itself. */
public final class BoundProgramProvider implements ProgramProvider {
    @Override
    public RunningProgram current() {
        return Program.current();
    }
}
