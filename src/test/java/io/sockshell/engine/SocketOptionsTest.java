package io.sockshell.engine;

import static io.sockshell.engine.Loopback.HOST;
import static io.sockshell.engine.Loopback.assertRaises;
import static io.sockshell.engine.Loopback.port;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** setsockopt and getsockopt, with the values Linux reports through CPython. */
@Timeout(10)
class SocketOptionsTest {
    private final Loopback net = new Loopback();

    @AfterEach
    void closeEverything() throws Exception {
        net.close();
    }

    @Test
    void aFreshTcpSocketHasReuseaddrNodelayLingerKeepaliveAndErrorAllOff() throws Exception {
        Sock s = net.tcp();
        assertEquals(0, s.getsockopt(SockOption.SO_REUSEADDR), "Python's default, unlike Java's server sockets");
        assertEquals(0, s.getsockopt(SockOption.TCP_NODELAY));
        assertEquals(0, s.getsockopt(SockOption.SO_LINGER));
        assertEquals(0, s.getsockopt(SockOption.SO_KEEPALIVE));
        assertEquals(0, s.getsockopt(SockOption.SO_ERROR));
    }

    @Test
    void flagOptionsReadBackAsSet() throws Exception {
        Sock s = net.tcp();
        for (SockOption option : new SockOption[] {SockOption.SO_REUSEADDR, SockOption.TCP_NODELAY, SockOption.SO_KEEPALIVE}) {
            s.setsockopt(option, 1);
            assertEquals(1, s.getsockopt(option), option.name());
            s.setsockopt(option, 0);
            assertEquals(0, s.getsockopt(option), option.name());
        }
    }

    @Test
    void lingerReadsBackAsWhetherItIsOn() throws Exception {
        Sock s = net.tcp();
        s.setLinger(true, 0);
        assertEquals(1, s.getsockopt(SockOption.SO_LINGER));
        s.setLinger(true, 5);
        assertEquals(1, s.getsockopt(SockOption.SO_LINGER));
        s.setLinger(false, 0);
        assertEquals(0, s.getsockopt(SockOption.SO_LINGER));
    }

    @Test
    void bufferSizesReadBackDoubledAsLinuxReportsThem() throws Exception {
        Sock s = net.tcp();
        s.setsockopt(SockOption.SO_SNDBUF, 4096);
        s.setsockopt(SockOption.SO_RCVBUF, 4096);
        assertEquals(8192, s.getsockopt(SockOption.SO_SNDBUF));
        assertEquals(8192, s.getsockopt(SockOption.SO_RCVBUF));
    }

    @Test
    void optionsSetBeforeListenStillReadBackOnTheListeningSocket() throws Exception {
        Sock s = net.tcp();
        s.setsockopt(SockOption.SO_REUSEADDR, 1);
        s.setsockopt(SockOption.TCP_NODELAY, 1);
        s.setsockopt(SockOption.SO_SNDBUF, 4096);
        s.setLinger(true, 0);
        s.bind(HOST, 0);
        s.listen(5);
        assertEquals(1, s.getsockopt(SockOption.SO_REUSEADDR));
        assertEquals(1, s.getsockopt(SockOption.TCP_NODELAY));
        assertEquals(8192, s.getsockopt(SockOption.SO_SNDBUF));
        assertEquals(1, s.getsockopt(SockOption.SO_LINGER));
        assertEquals(0, s.getsockopt(SockOption.SO_KEEPALIVE));
    }

    @Test
    void aListeningSocketHasReuseaddrOffUnlessTheUserTurnedItOn() throws Exception {
        assertEquals(0, net.listener().getsockopt(SockOption.SO_REUSEADDR));
    }

    @Test
    void anAcceptedSocketInheritsTheListenersOptions() throws Exception {
        Sock listener = net.tcp();
        listener.setsockopt(SockOption.TCP_NODELAY, 1);
        listener.setsockopt(SockOption.SO_KEEPALIVE, 1);
        listener.bind(HOST, 0);
        listener.listen(1);
        net.tcp().connect(HOST, port(listener));
        Sock server = net.adopt(listener.accept().socket());
        assertEquals(1, server.getsockopt(SockOption.TCP_NODELAY));
        assertEquals(1, server.getsockopt(SockOption.SO_KEEPALIVE));
    }

    @Test
    void soErrorIsReadOnly() throws Exception {
        assertRaises("OSError: [Errno 92] Protocol not available", () -> net.tcp().setsockopt(SockOption.SO_ERROR, 1));
    }

    /**
     * The TIME_WAIT lesson: the side that closes first keeps the port for a while. A restarted
     * server binds it again only if both it and the old listener (whose accepted socket is in
     * TIME_WAIT and inherited the option) set SO_REUSEADDR.
     */
    @Test
    void reuseaddrLetsARestartedServerBindThePortItsClosedConnectionStillHolds() throws Exception {
        Sock listener = net.tcp();
        listener.setsockopt(SockOption.SO_REUSEADDR, 1);
        listener.bind(HOST, 0);
        listener.listen(5);
        int port = port(listener);
        Sock client = net.tcp();
        client.connect(HOST, port);
        Sock server = net.adopt(listener.accept().socket());
        assertEquals(1, server.getsockopt(SockOption.SO_REUSEADDR), "inherited from the listener");
        server.close();
        client.settimeout(5.0);
        assertEquals(PyBytes.EMPTY, client.recv(10));
        client.close();
        listener.close();
        Sock plain = net.tcp();
        assertRaises("OSError: [Errno 98] Address already in use", () -> plain.bind(HOST, port));
        Sock reusing = net.tcp();
        reusing.setsockopt(SockOption.SO_REUSEADDR, 1);
        reusing.bind(HOST, port);
        reusing.listen(5);
        assertEquals(port, port(reusing));
    }

    @Test
    void datagramSocketsRefuseTcpOptionsAsLinuxDoes() throws Exception {
        Sock u = net.udp();
        assertRaises("OSError: [Errno 92] Protocol not available", () -> u.setsockopt(SockOption.TCP_NODELAY, 1));
        assertRaises("OSError: [Errno 95] Operation not supported", () -> u.getsockopt(SockOption.TCP_NODELAY));
    }

    @Test
    void datagramSocketsKeepSocketLevelOptions() throws Exception {
        Sock u = net.udp();
        assertEquals(0, u.getsockopt(SockOption.SO_LINGER));
        u.setsockopt(SockOption.SO_KEEPALIVE, 1);
        assertEquals(1, u.getsockopt(SockOption.SO_KEEPALIVE));
        u.setLinger(true, 0);
        assertEquals(1, u.getsockopt(SockOption.SO_LINGER));
        u.setsockopt(SockOption.SO_BROADCAST, 1);
        assertEquals(1, u.getsockopt(SockOption.SO_BROADCAST));
        assertEquals(0, u.getsockopt(SockOption.SO_ERROR));
    }

    @Test
    void optionsAreFoundByNameInAnyCaseWithTheirLevel() {
        assertEquals(Optional.of(SockOption.SO_REUSEADDR), SockOption.byName("so_reuseaddr"));
        assertEquals(Optional.empty(), SockOption.byName("SO_NOSUCH"));
        assertEquals("IPPROTO_TCP", SockOption.TCP_NODELAY.level());
        assertEquals("SOL_SOCKET", SockOption.SO_LINGER.level());
        assertTrue(SockOption.SO_ERROR.readOnly());
        assertFalse(SockOption.SO_RCVBUF.readOnly());
    }
}
