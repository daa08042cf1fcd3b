package io.sockshell.command;

import io.sockshell.engine.LineFile;
import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "makefile",
        description = {"Wrap SOCKET in a file: f = s.makefile(MODE). MODE is r (default), w, rw, with b for bytes.",
            "Without NAME the file gets the next free name (f1, ...), which is printed.",
            "Then: readline, readlines, read, write, writelines, flush, close."},
        footer = {"",
            "Lesson: a file reads in 8192-byte chunks and hands out whole lines, so you need not piece "
                + "lines together from recv calls (tutorial section 5.2). Do not mix recv and the file on one "
                + "socket."})
public final class MakefileCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "SOCKET")
    String socket;

    @Parameters(index = "1", paramLabel = "NAME", arity = "0..1")
    String name;

    @Parameters(index = "2", paramLabel = "MODE", arity = "0..1")
    String mode;

    public MakefileCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError {
        String fileName = name;
        String fileMode = mode;
        if (fileMode == null && fileName != null && fileName.matches("[rwb]{1,3}")) {
            fileMode = fileName;
            fileName = null;
        }
        context.table().checkFree(fileName);
        LineFile file = sock(socket).makefile(fileMode == null ? "r" : fileMode);
        String chosen = context.table().addFile(fileName, file);
        if (fileName == null) {
            out().println(chosen);
            out().flush();
        }
    }
}
