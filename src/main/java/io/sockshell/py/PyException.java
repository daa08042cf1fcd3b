package io.sockshell.py;

import io.sockshell.engine.SockError;

/**
 * A Python exception raised by the facade. Its message is the last line of CPython's traceback,
 * for example {@code BlockingIOError: [Errno 11] Resource temporarily unavailable}, so a script
 * that prints {@code e.getMessage()} shows what Python would. Unchecked, so scripts read like
 * the Python programs they follow; catch the subclass you expect, as in {@code except}.
 */
public class PyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String pythonClass;

    PyException(String pythonClass, String detail) {
        super(detail.isEmpty() ? pythonClass : pythonClass + ": " + detail);
        this.pythonClass = pythonClass;
    }

    PyException(SockError error) {
        super(error.pythonLine(), error);
        this.pythonClass = error.pythonClass();
    }

    /** The Python class name, such as {@code BlockingIOError} or {@code socket.gaierror}. */
    public String pythonClass() {
        return pythonClass;
    }

    /** The facade exception that matches an engine error, by CPython's class name. */
    static PyException from(SockError error) {
        return switch (error.pythonClass()) {
            case "BlockingIOError" -> new BlockingIOError(error);
            case "ConnectionRefusedError", "ConnectionResetError", "ConnectionAbortedError",
                    "BrokenPipeError" -> new ConnectionError(error);
            case "TimeoutError" -> new TimeoutError(error);
            case "KeyboardInterrupt" -> new KeyboardInterrupt(error);
            case "ValueError" -> new ValueError(error);
            case "FileNotFoundError" -> new FileNotFoundError(error);
            case "OSError", "InterruptedError", "PermissionError", "NotADirectoryError",
                    "socket.gaierror", "io.UnsupportedOperation" -> new OSError(error);
            default -> new PyException(error);
        };
    }
}
