package io.sockshell.command;

import java.lang.reflect.Constructor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Builds the command tree and injects the session into each command. */
public final class Commands {
    /** Every shell command, in the order help lists them: the socket calls in the tutorial's order first. */
    public static final List<Class<? extends ShellCommand>> ALL = List.of(
            SocketCommand.class, BindCommand.class, ListenCommand.class, AcceptCommand.class,
            ConnectCommand.class, ConnectExCommand.class, SendCommand.class, SendallCommand.class,
            SendtoCommand.class, RecvCommand.class, RecvfromCommand.class, SetblockingCommand.class,
            SettimeoutCommand.class, GettimeoutCommand.class, MakefileCommand.class, ReadlineCommand.class,
            ReadlinesCommand.class, ReadCommand.class, WriteCommand.class, WritelinesCommand.class,
            FlushCommand.class, ShutdownCommand.class, CloseCommand.class, GetsocknameCommand.class,
            GetpeernameCommand.class, FilenoCommand.class, SetsockoptCommand.class, GetsockoptCommand.class,
            SelectCommand.class, PollCommand.class, SocketsCommand.class, NetstatCommand.class, DiagramCommand.class, TraceCommand.class,
            SetCommand.class, JobsCommand.class,
            WaitCommand.class, KillCommand.class, ExportCommand.class, HelpCommand.class, ExitCommand.class,
            ProgramCommand.class, TypeCommand.class, OutputCommand.class, PortsCommand.class, EofCommand.class,
            SignalCommand.class, LinkCommand.class, UnlinkCommand.class);

    private Commands() {
    }

    /** The root of the shell's commands; it has no name of its own, each line is one subcommand. */
    @Command(name = "", description = "sockshell commands")
    public static final class Root {
    }

    /** Each command's type by its name and aliases, in {@link #ALL}'s order, read without building any parser. */
    public static Map<String, Class<? extends ShellCommand>> byName() {
        Map<String, Class<? extends ShellCommand>> types = new LinkedHashMap<>();
        for (Class<? extends ShellCommand> type : ALL) {
            Command command = type.getAnnotation(Command.class);
            types.put(command.name(), type);
            for (String alias : command.aliases()) {
                types.put(alias, type);
            }
        }
        return Collections.unmodifiableMap(types);
    }

    public static CommandLine tree(ShellContext context) {
        CommandLine.IFactory factory = factory(context);
        CommandLine root = new CommandLine(new Root(), factory);
        for (Class<? extends ShellCommand> type : ALL) {
            root.addSubcommand(create(factory, type));
        }
        return configure(root);
    }

    /** A stand-alone command of one type, for a background job that must not share parsed state. */
    public static CommandLine single(ShellContext context, Class<?> type) {
        CommandLine.IFactory factory = factory(context);
        return configure(new CommandLine(create(factory, type), factory));
    }

    /**
     * Picocli would read {@code @file} arguments as argument files; here they are data (help data).
     * Help and usage lines are plain text: the session prints them among results, escaping what
     * could move the cursor, so colours Picocli chose for a terminal would show as {@code \x1b[1m}.
     */
    private static CommandLine configure(CommandLine line) {
        return line.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                .setExpandAtFiles(false)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUnmatchedOptionsArePositionalParams(true)
                .setOverwrittenOptionsAllowed(true)
                .setUsageHelpAutoWidth(false)
                .setUsageHelpWidth(Layout.DEFAULT_WIDTH);
    }

    private static Object create(CommandLine.IFactory factory, Class<?> type) {
        try {
            return factory.create(type);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create command " + type.getSimpleName(), e);
        }
    }

    private static CommandLine.IFactory factory(ShellContext context) {
        CommandLine.IFactory fallback = CommandLine.defaultFactory();
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                for (Constructor<?> constructor : type.getConstructors()) {
                    Class<?>[] parameters = constructor.getParameterTypes();
                    if (parameters.length == 1 && parameters[0] == ShellContext.class) {
                        return type.cast(constructor.newInstance(context));
                    }
                }
                return fallback.create(type);
            }
        };
    }
}
