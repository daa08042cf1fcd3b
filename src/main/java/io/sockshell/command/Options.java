package io.sockshell.command;

import io.sockshell.engine.SockOption;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reading socket option names as Python writes them, with or without the level. */
final class Options {
    static final Set<String> LEVELS = Set.of("SOL_SOCKET", "IPPROTO_TCP", "IPPROTO_IP", "IPPROTO_IPV6", "SOL_TCP");

    private Options() {
    }

    static List<String> dropLevel(List<String> words) {
        return !words.isEmpty() && LEVELS.contains(words.get(0).toUpperCase(java.util.Locale.ROOT))
                ? words.subList(1, words.size()) : words;
    }

    static SockOption parse(String name) throws UsageError {
        return SockOption.byName(name).orElseThrow(() -> new UsageError("unknown option '" + name + "'; known: "
                + Arrays.stream(SockOption.values()).map(Enum::name).collect(Collectors.joining(", "))));
    }
}
