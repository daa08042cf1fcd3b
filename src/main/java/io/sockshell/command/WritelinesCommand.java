package io.sockshell.command;

import io.sockshell.engine.PyBytes;
import io.sockshell.engine.SockError;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "writelines",
        description = {"Write each DATA to FILE's buffer, adding no newlines: f.writelines([DATA, ...])."})
public final class WritelinesCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "FILE")
    String file;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "DATA")
    List<String> lines;

    public WritelinesCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        List<PyBytes> parsed = new ArrayList<>();
        for (String line : lines) {
            parsed.add(data(line));
        }
        file(file).writelines(parsed);
    }
}
