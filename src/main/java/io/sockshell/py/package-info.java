/**
 * The Python facade a learner sees: {@code socket}, its exceptions, {@code select} and
 * {@code poll}, {@code print} and {@code input}, the files {@code makefile} returns, for Java
 * code (the tutorial's JShell scripts, {@code sockshell jshell}) that reads like the tutorial's
 * Python. {@code import static io.sockshell.py.Python.*; import io.sockshell.py.*;} brings in
 * exactly this: every public class here is one a learner may meet.
 *
 * <p>It owns how calls look and fail in Python's terms; which program a call belongs to, how it
 * reaches the engine and when it may wait are asked of {@link io.sockshell.py.spi}. It imports
 * only the engine and that SPI: never {@code py.runtime} or {@code py.conductor}, which depend
 * on it, nor {@code command}, {@code session} or {@code replay}.
 */
package io.sockshell.py;
