package io.sockshell.export;

import io.sockshell.command.SessionExport;
import java.util.List;

/** The shell's {@code export python}: the session's lines through {@link PythonExport}. */
public final class PythonSessionExport implements SessionExport {
    @Override
    public String language() {
        return "python";
    }

    @Override
    public String export(String title, List<String> lines) {
        return PythonExport.ofLines(title, lines).source();
    }
}
