package io.sockshell.command;

import io.sockshell.engine.SockOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Reading socket option names as Python writes them, with or without the level. */
public final class Options {
    static final Set<String> LEVELS = Set.of("SOL_SOCKET", "IPPROTO_TCP", "IPPROTO_IP", "IPPROTO_IPV6", "SOL_TCP");

    private Options() {
    }

    /**
     * The words after the level, checking that a given level is the option's own. CPython passes
     * (level, number) to the kernel, and an option's number means another option at another level
     * (SO_ERROR's 4 at IPPROTO_TCP is TCP_KEEPIDLE), which the shell does not offer: so a level
     * that is not the option's is refused rather than ignored.
     */
    public static List<String> dropLevel(List<String> words) throws UsageError {
        if (words.isEmpty() || !LEVELS.contains(words.get(0).toUpperCase(Locale.ROOT))) {
            return words;
        }
        String level = words.get(0).toUpperCase(Locale.ROOT);
        List<String> rest = words.subList(1, words.size());
        if (!rest.isEmpty()) {
            SockOption option = parse(rest.get(0));
            String own = option.level();
            if (!own.equals(level) && !(own.equals("IPPROTO_TCP") && level.equals("SOL_TCP"))) {
                throw new UsageError(option.name() + " is an option of level " + own + ", not " + level
                        + " (at " + level + " its number is another option, which the shell does not offer)");
            }
        }
        return rest;
    }

    public static SockOption parse(String name) throws UsageError {
        return SockOption.byName(name).orElseThrow(() -> new UsageError("unknown option '" + name + "'; known: "
                + Arrays.stream(SockOption.values()).map(Enum::name).collect(Collectors.joining(", "))));
    }
}
