package io.sockshell.command;

import io.sockshell.engine.Family;
import io.sockshell.engine.Kind;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SocketTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "socket",
        description = {"Create a socket: socket.socket(AF_INET, SOCK_STREAM) in Python.",
            "FAMILY is AF_INET (default), AF_INET6 or AF_UNIX (local, named by a path);",
            "TYPE is SOCK_STREAM (TCP, default) or SOCK_DGRAM (UDP).",
            "Without NAME the socket gets the next free name (s1, s2, ...), which is printed."},
        footer = {"", "Lesson: a socket is just an endpoint the OS gives you; nothing is sent yet.",
            "A server goes on to bind/listen/accept; a client goes on to connect."})
public final class SocketCommand extends ShellCommand {
    @Parameters(arity = "0..3", paramLabel = "NAME|FAMILY|TYPE",
            description = "Optional name, then optional AF_INET|AF_INET6|AF_UNIX and SOCK_STREAM|SOCK_DGRAM (in any order).")
    List<String> words = new ArrayList<>();

    public SocketCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        String name = null;
        Family family = Family.AF_INET;
        Kind kind = Kind.SOCK_STREAM;
        for (String word : words) {
            String upper = word.toUpperCase(Locale.ROOT);
            switch (upper) {
                case "AF_INET", "INET", "IPV4", "-4" -> family = Family.AF_INET;
                case "AF_INET6", "INET6", "IPV6", "-6" -> family = Family.AF_INET6;
                case "AF_UNIX", "UNIX" -> family = Family.AF_UNIX;
                case "SOCK_STREAM", "STREAM", "TCP" -> kind = Kind.SOCK_STREAM;
                case "SOCK_DGRAM", "DGRAM", "UDP" -> kind = Kind.SOCK_DGRAM;
                default -> {
                    if (name != null) {
                        throw new UsageError("socket takes one name; '" + word + "' is not a family or type");
                    }
                    if (!SocketTable.validName(word)) {
                        throw new UsageError("'" + word + "' is not a valid name, family or type");
                    }
                    name = word;
                }
            }
        }
        String chosen = context.table().open(name, family, kind);
        if (name == null) {
            out().println(chosen);
            out().flush();
        }
    }
}
