package io.sockshell.command;

import io.sockshell.engine.SockError;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "type", modelTransformer = ProgramStep.ArgumentsAfterTheName.class,
        description = {"Type one line into a program (TEXT and Enter) and show what it printed until quiet.",
            "Enter alone without TEXT. Words are joined by one space; quotes keep spaces."},
        footer = {"", "Lesson: tms.py waits for a key press (input()) before it sends; while it waits, the "
                + "client's recv stays pending. type srv is the key press.",
            "  type srv", "  type cli \"hello there\""})
public final class TypeCommand extends ProgramStep {
    @Parameters(index = "0", paramLabel = "PROGRAM")
    String name;

    @Parameters(index = "1..*", paramLabel = "TEXT")
    List<String> words = new ArrayList<>();

    public TypeCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        double seconds = quietSeconds();
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(text(word));
        }
        show(program(name).type(line.toString(), seconds));
    }
}
