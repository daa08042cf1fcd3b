package io.sockshell.engine;

import static io.sockshell.engine.Loopback.HOST;
import static io.sockshell.engine.Loopback.HOST6;
import static io.sockshell.engine.Loopback.assertRaises;
import static io.sockshell.engine.Loopback.port;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** IPv6 sockets on ::1, and addresses written as CPython writes them. */
@Timeout(10)
class Ipv6Test {
    private final Loopback net = new Loopback();

    @AfterEach
    void closeEverything() throws Exception {
        net.close();
    }

    @Test
    void aFreshIpv6SocketIsNamedTheIpv6WildcardWithFourFields() throws Exception {
        assertEquals("('::', 0, 0, 0)", net.tcp6().getsockname().pythonRepr());
        assertEquals("('::', 0, 0, 0)", net.udp6().getsockname().pythonRepr());
    }

    @Test
    void getsocknameOfASocketBoundToLoopbackIsTheCompressedAddressWithFlowInfoAndScope() throws Exception {
        Sock s = net.tcp6();
        s.bind(HOST6, 0);
        Address address = s.getsockname();
        assertEquals(Family.AF_INET6, address.family());
        assertEquals("::1", address.host());
        assertEquals("('::1', " + address.port() + ", 0, 0)", address.pythonRepr());
        assertEquals("[::1]:" + address.port(), address.hostPort());
    }

    @Test
    void aConnectionOverIpv6LoopbackCarriesDataBothWays() throws Exception {
        Loopback.Pair pair = net.pair6();
        assertEquals(pair.client().getsockname(), pair.server().getpeername());
        assertEquals("::1", pair.client().getpeername().host());
        pair.client().sendall(PyBytes.ascii("v6"));
        pair.server().settimeout(5.0);
        assertEquals(PyBytes.ascii("v6"), pair.server().recv(10));
        pair.server().sendall(PyBytes.ascii("back"));
        pair.client().settimeout(5.0);
        assertEquals(PyBytes.ascii("back"), pair.client().recv(10));
    }

    @Test
    void datagramsOverIpv6LoopbackComeWithTheSendersIpv6Address() throws Exception {
        Sock receiver = net.udp6();
        receiver.bind(HOST6, 0);
        Sock sender = net.udp6();
        sender.bind(HOST6, 0);
        sender.sendto(PyBytes.ascii("hi"), HOST6, port(receiver));
        receiver.settimeout(5.0);
        assertEquals("(b'hi', ('::1', " + port(sender) + ", 0, 0))", receiver.recvfrom(10).pythonRepr());
    }

    @Test
    void anIpv4AddressOnAnIpv6SocketAndTheOtherWayRoundRaiseAddressFamilyNotSupported() throws Exception {
        String line = "socket.gaierror: [Errno -9] Address family for hostname not supported";
        assertRaises(line, () -> net.tcp6().bind(HOST, 0));
        assertRaises(line, () -> net.tcp6().connect(HOST, 80));
        assertRaises(line, () -> net.tcp().bind(HOST6, 0));
        assertRaises(line, () -> net.udp().sendto(PyBytes.ascii("x"), HOST6, 9));
    }

    @Test
    void aDualStackListenerShowsAnIpv4ClientAsAnIpv4MappedAddress() throws Exception {
        Sock listener = net.tcp6();
        listener.bind("", 0);
        listener.listen(5);
        assertEquals("('::', " + port(listener) + ", 0, 0)", listener.getsockname().pythonRepr());
        Sock client = net.tcp();
        client.connect(HOST, port(listener));
        Accepted accepted = listener.accept();
        Sock server = net.adopt(accepted.socket());
        assertEquals("('::ffff:127.0.0.1', " + port(client) + ", 0, 0)", accepted.peer().pythonRepr());
        assertEquals("('::ffff:127.0.0.1', " + port(listener) + ", 0, 0)", server.getsockname().pythonRepr());
    }

    @Test
    void anIpv6SocketConnectsToAnIpv4MappedLiteral() throws Exception {
        Sock listener = net.tcp6();
        listener.bind("", 0);
        listener.listen(5);
        Sock client = net.tcp6();
        client.connect("::ffff:127.0.0.1", port(listener));
        assertEquals("('::ffff:127.0.0.1', " + port(listener) + ", 0, 0)", client.getpeername().pythonRepr());
    }
}
