package io.sockshell.program;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Every process a program started carries {@code SOCKSHELL_PROGRAM=TOKEN} in its environment,
 * passed on to its children and theirs, so that the processes of a program can be found even
 * after they left its process group and session (a daemon) and their parent ended: the way
 * to leave nothing running. (The environment a process was started with is in
 * {@code /proc/PID/environ}, readable by its owner.)
 */
final class Tokens {
    private Tokens() {
    }

    /** The live processes whose environment carries exactly {@code token}. */
    static List<Integer> carriers(String token) {
        String wanted = ProgramLauncher.TOKEN_VARIABLE + "=" + token + "\0";
        List<Integer> found = new ArrayList<>();
        String[] entries = new File("/proc").list();
        if (entries == null) {
            return found;
        }
        for (String entry : entries) {
            if (entry.isEmpty() || entry.charAt(0) < '0' || entry.charAt(0) > '9') {
                continue;
            }
            String environment = ProcFile.readOnce("/proc/" + entry + "/environ");
            if (environment != null && environment.contains(wanted)) {
                found.add(Integer.parseInt(entry));
            }
        }
        return found;
    }
}
