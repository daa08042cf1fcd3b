package io.sockshell.command;

/** A command typed wrongly: bad literal, bad number, unknown option name. Exit status 2. */
public final class UsageError extends Exception {
    public UsageError(String message) {
        super(message);
    }
}
