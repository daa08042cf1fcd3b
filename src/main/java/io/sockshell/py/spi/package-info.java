/**
 * What the facade asks of the program its calls run in, as interfaces the program runtime
 * implements ({@link io.sockshell.py.spi.RunningProgram}, found through a
 * {@link io.sockshell.py.spi.ProgramProvider} by {@link java.util.ServiceLoader}), in the way
 * jdk.jshell's SPI separates JShell from its execution engines. Keeping these out of
 * {@code io.sockshell.py} keeps them out of a learner's {@code import io.sockshell.py.*}.
 *
 * <p>It imports only the engine: not the facade, the runtime or the conductor.
 */
package io.sockshell.py.spi;
