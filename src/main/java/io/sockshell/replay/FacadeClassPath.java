package io.sockshell.replay;

import io.sockshell.py.Python;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where sockshell's classes are, for JShell's class path: the jar, or Maven's classes folder. */
final class FacadeClassPath {
    private FacadeClassPath() {
    }

    static String location() {
        try {
            return Path.of(Python.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new ReplayException("cannot find the sockshell classes to put on JShell's class path: " + e.getMessage());
        }
    }
}
