package io.sockshell.support;

import io.sockshell.engine.SocketBackends;

/**
 * Which socket backend the tests run on (posix on JDK 22+ on Linux, nio elsewhere, or the one
 * {@code -Dsockshell.backend} names), for the tests whose expectations differ by backend, and
 * how to tell that a thread sits in the backend's wait.
 */
public final class Backends {
    private Backends() {
    }

    public static String name() {
        return SocketBackends.standard().name();
    }

    /** For {@code @EnabledIf("io.sockshell.support.Backends#posix")}. */
    public static boolean posix() {
        return name().equals("posix");
    }

    public static boolean nio() {
        return name().equals("nio");
    }

    /**
     * Whether {@code stack} is a thread waiting inside the engine for a socket to be ready: in a
     * selector's select under the NIO backend, in the poll of the posix backend's waits. (A
     * poll that does not wait, as select with timeout 0 makes, is not a wait.)
     */
    public static boolean waitingInEngine(StackTraceElement[] stack) {
        boolean inSelector = false;
        boolean inSockshell = false;
        boolean inNativePoll = false;
        boolean inPosixWait = false;
        for (StackTraceElement frame : stack) {
            inSelector |= frame.getClassName().endsWith("SelectorImpl") && frame.getMethodName().equals("doSelect");
            inSockshell |= frame.getClassName().startsWith("io.sockshell.engine");
            inNativePoll |= frame.getClassName().equals("io.sockshell.engine.posix.Libc") && frame.getMethodName().equals("poll");
            inPosixWait |= frame.getClassName().equals("io.sockshell.engine.posix.Waits") && frame.getMethodName().equals("poll");
        }
        return (inSelector && inSockshell) || (inNativePoll && inPosixWait);
    }
}
