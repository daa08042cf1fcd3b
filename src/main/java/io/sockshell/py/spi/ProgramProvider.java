package io.sockshell.py.spi;

/**
 * How the facade finds the program a call runs in, as {@link java.util.ServiceLoader} finds
 * it: listed in {@code META-INF/services/io.sockshell.py.spi.ProgramProvider}, so the facade
 * names no class of the runtime.
 */
public interface ProgramProvider {
    /** The program the calling thread runs in. */
    RunningProgram current();
}
