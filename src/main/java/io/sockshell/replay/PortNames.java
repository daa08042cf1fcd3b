package io.sockshell.replay;

import io.sockshell.py.runtime.Program;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ports the replayed programs use, by the name a stable transcript shows instead of the
 * number: {@code PORT}, {@code PORT2}, ... for ports servers chose, {@code EPH1}, {@code EPH2},
 * ... for the ephemeral ports clients got, numbered in the order the replay met them.
 */
final class PortNames implements Program.PortWatcher {
    /** A number that may be a port; one pattern for all, so a new port costs no recompiling. */
    private static final Pattern NUMBER = Pattern.compile("(?<![0-9])[0-9]{1,5}(?![0-9])");

    private final boolean masking;
    private final IntConsumer serverPorts;
    private final Map<Integer, String> names = new LinkedHashMap<>();
    private int servers;
    private int clients;

    /** {@code serverPorts} hears of each port a server listens on, the first time it is seen. */
    PortNames(boolean masking, IntConsumer serverPorts) {
        this.masking = masking;
        this.serverPorts = serverPorts;
    }

    @Override
    public void seen(int port, boolean listening) {
        if (record(port, listening) && listening) {
            serverPorts.accept(port);
        }
    }

    /** Names a port met for the first time; false if it had a name already. */
    private synchronized boolean record(int port, boolean listening) {
        if (port == 0 || names.containsKey(port)) {
            return false;
        }
        String name = listening ? (++servers == 1 ? "PORT" : "PORT" + servers) : "EPH" + (++clients);
        names.put(port, name);
        return true;
    }

    /** The first port a server chose, for the {@code PORT} argument of a client; -1 if none yet. */
    synchronized int firstServerPort() {
        for (Map.Entry<Integer, String> entry : names.entrySet()) {
            if (entry.getValue().equals("PORT")) {
                return entry.getKey();
            }
        }
        return -1;
    }

    /** {@code text} with every known port number replaced by its name, when masking. */
    synchronized String mask(String text) {
        if (!masking || names.isEmpty()) {
            return text;
        }
        Matcher matcher = NUMBER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = names.get(Integer.parseInt(matcher.group()));
            matcher.appendReplacement(out, Matcher.quoteReplacement(name != null ? name : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
