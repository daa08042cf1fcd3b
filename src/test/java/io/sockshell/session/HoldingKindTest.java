package io.sockshell.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.engine.Holding;
import io.sockshell.support.ShellDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A new kind of shell object plugs in by implementing Holding and handing each one to the
 * socket table, nothing else: the names rule, sockets, close NAME, NAME.port and the leftovers
 * then cover it. (Programs are one such kind; links, relays listening on a port, are the next.)
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HoldingKindTest {
    /** A kind the shell has never heard of: a relay that says where it listens. */
    private static final class Relay implements Holding {
        final int port;
        final List<String> closedWith = new ArrayList<>();
        boolean open = true;

        Relay(int port) {
            this.port = port;
        }

        @Override
        public String kind() {
            return "relay";
        }

        @Override
        public List<String> columns() {
            return List.of("RELAY", "PORT", "STATE");
        }

        @Override
        public List<List<String>> rows(String name) {
            return List.of(List.of(name, Integer.toString(port), open ? "listening" : "closed"),
                    List.of("", "", "1 connection"));
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public String leftover() {
            return "still listening";
        }

        @Override
        public List<String> close() {
            if (!open) {
                return List.of();
            }
            open = false;
            closedWith.add("closed");
            return List.of("relay closed, 1 connection ended");
        }

        @Override
        public OptionalInt port() {
            return OptionalInt.of(port);
        }
    }

    @Test
    void aHoldingIsNamedListedClosedAndReportedLikeASocket() throws Exception {
        try (ShellDriver shell = new ShellDriver()) {
            Relay relay = new Relay(4242);
            shell.session().table().hold("r", relay);

            shell.fails("socket r", "NameError: name 'r' is already an open relay; close it first or pick another name");
            shell.fails("send r \"x\"", "TypeError: 'r' is a relay, not a socket");
            assertEquals(List.of("RELAY  PORT  STATE", "r      4242  listening", "             1 connection"),
                    shell.ok("sockets").lines().toList());
            shell.ok("socket s");
            shell.fails("connect s 127.0.0.1 r.port", "ConnectionRefusedError: [Errno 111] Connection refused");
            assertEquals(List.of("socket s still open", "relay r still listening"), shell.session().leftovers());

            assertEquals("relay closed, 1 connection ended\n", shell.ok("close r"));
            assertEquals("", shell.ok("close r"));
            assertTrue(shell.ok("sockets").contains("r      4242  closed"));
            assertEquals(List.of("socket s still open"), shell.session().leftovers());
            shell.ok("socket r");
            assertEquals(List.of("closed"), relay.closedWith);
        }
    }
}
