package io.sockshell.command;

import io.sockshell.conversation.Conversation;
import io.sockshell.diagram.Diagrams;
import io.sockshell.diagram.HtmlPage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "diagram",
        description = {"Draw this session's socket calls so far as a sequence diagram.",
            "One lifeline per socket: connect and accept as the handshake, data as arrows with their size and a "
                + "preview, close as FIN (x for a reset), a blocked call as a heavy line until what released it, "
                + "repeated exchanges folded into loops; with 'trace kernel on', each change the kernel view reports "
                + "is a note beside the socket it is about. The shell records its calls from the start; in a script, "
                + "'set diagram on' first. --format svg or html writes a page (with -o FILE)."},
        footer = {"", "Lesson: a socket conversation is a picture: who connected to whom, which call waited for "
                + "what, which bytes crossed in which direction, who closed first."})
public final class DiagramCommand extends ShellCommand {
    @Option(names = "--ascii", description = "Plain ASCII instead of box drawing.")
    boolean ascii;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "text, mermaid, svg or html.")
    String format = "text";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the diagram to FILE.")
    String output;

    @Option(names = {"-w", "--width"}, paramLabel = "COLUMNS", description = "Fit the text in COLUMNS (default: the terminal's).")
    Integer width;

    @Option(names = "--stable", description = "Show ports as PORT, EPH1, ... instead of numbers.")
    boolean stable;

    public DiagramCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws UsageError {
        Diagrams.Format chosen;
        try {
            chosen = Diagrams.Format.named(format);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        int columns = width != null ? width : context.terminalWidth();
        if (columns < 20) {
            throw new UsageError("width must be at least 20 columns, not " + columns);
        }
        Conversation conversation = context.recordedCalls();
        if (conversation.isEmpty() && !context.recordingCalls()) {
            throw new UsageError("nothing is recorded in this session: 'set diagram on', make some calls, then draw them");
        }
        List<String> commands = new ArrayList<>();
        for (Conversation.Command command : conversation.commands()) {
            commands.add(command.party() + "> " + command.text());
        }
        String drawn = Diagrams.draw(conversation, new Diagrams.Settings(chosen, ascii, columns, stable,
                "sockshell session", null, List.of(new HtmlPage.Listing(null, commands))));
        if (output == null) {
            out().print(drawn);
            out().flush();
            return;
        }
        try {
            Diagrams.write(Path.of(output), drawn);
        } catch (IOException | RuntimeException e) {
            throw new UsageError("cannot write " + output + ": " + e.getMessage());
        }
        out().println("wrote " + output);
        out().flush();
    }
}
