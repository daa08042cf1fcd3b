package io.sockshell.diagram;

import io.sockshell.conversation.Call;
import io.sockshell.conversation.Conversation;
import io.sockshell.conversation.Endpoint;
import io.sockshell.conversation.Lifeline;
import io.sockshell.conversation.Op;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Port numbers as a diagram shows them. Stable names make two runs of one transcript draw the
 * same picture, whatever ports the system chose: the ports sockets were bound to are
 * {@code PORT} (or {@code PORT1}, {@code PORT2}, ... when there are several), in the order they
 * were bound; every other port, such as a client's ephemeral one, is {@code EPH1}, {@code EPH2},
 * ..., in the order the sockets holding them were first used. The names are those
 * {@code sockshell replay --stable} prints.
 */
final class Ports {
    private final Map<Integer, String> names = new LinkedHashMap<>();

    Ports(Conversation conversation, boolean stable) {
        if (!stable) {
            return;
        }
        Map<Integer, Boolean> bound = new LinkedHashMap<>();
        for (Call call : conversation.calls()) {
            if (call.op() == Op.BIND && !call.failed() && call.socket() >= 0) {
                Endpoint local = conversation.lifeline(call.socket()).local();
                if (local != null && local.port() != 0) {
                    bound.putIfAbsent(local.port(), true);
                }
            }
        }
        int server = 0;
        for (int port : bound.keySet()) {
            names.put(port, bound.size() == 1 ? "PORT" : "PORT" + (++server));
        }
        int ephemeral = 0;
        for (Lifeline lifeline : conversation.lifelines()) {
            for (Endpoint endpoint : new Endpoint[] {lifeline.local(), lifeline.peer()}) {
                if (endpoint != null && endpoint.port() != 0 && !names.containsKey(endpoint.port())) {
                    names.put(endpoint.port(), "EPH" + (++ephemeral));
                }
            }
        }
    }

    String port(int port) {
        return names.getOrDefault(port, Integer.toString(port));
    }

    String hostPort(Endpoint endpoint) {
        if (endpoint.port() == 0 && (endpoint.host().startsWith("'") || endpoint.host().startsWith("b'"))) {
            // An AF_UNIX path, already as Python prints it; it has no port.
            return endpoint.host();
        }
        String host = endpoint.host().isEmpty() ? "''" : endpoint.host();
        String port = port(endpoint.port());
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
