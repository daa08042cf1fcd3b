package io.sockshell.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "set",
        description = {"Change a session setting; without arguments, show them all.",
            "set display short|full|hex: how received data is shown (short abbreviates long data).",
            "set debug on|off: show Java stack traces with errors.",
            "set diagram on|off: record the socket calls for the diagram command."})
public final class SetCommand extends ShellCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SETTING")
    String setting;

    @Parameters(index = "1", arity = "0..1", paramLabel = "VALUE")
    String value;

    public SetCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws UsageError {
        if (setting != null) {
            if (value == null) {
                throw new UsageError("set " + setting + " needs a value");
            }
            switch (setting) {
                case "display" -> {
                    try {
                        context.display().style(Display.DataStyle.parse(value));
                    } catch (IllegalArgumentException e) {
                        throw new UsageError("display must be short, full or hex, not '" + value + "'");
                    }
                }
                case "debug" -> context.debug().set(flag(value, "debug"));
                case "diagram" -> context.recordCalls(flag(value, "diagram"));
                default -> throw new UsageError("unknown setting '" + setting + "' (display, debug, diagram)");
            }
            return;
        }
        out().println("display " + context.display().style().name().toLowerCase(java.util.Locale.ROOT));
        out().println(context.debug().shown());
        out().println(context.trace().shown());
        out().println("diagram " + (context.recordingCalls() ? "on" : "off"));
        out().flush();
    }
}
