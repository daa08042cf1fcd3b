package io.sockshell.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Values printed as CPython's repr prints them. */
@Timeout(10)
class ReprTest {

    private static String bytes(int... values) {
        byte[] data = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = (byte) values[i];
        }
        return PyBytes.wrap(data).toString();
    }

    @Test
    void reprOfAnyValueIsPythons() {
        assertEquals("None", PyRepr.of(null));
        assertEquals("True False", PyRepr.of(true) + " " + PyRepr.of(false));
        assertEquals("\"it's\"", PyRepr.of("it's"));
        assertEquals("2.0 1e-05 0.5", PyRepr.of(2.0) + " " + PyRepr.of(1e-5) + " " + PyRepr.of(0.5f));
        assertEquals("('127.0.0.1', 80)", PyRepr.of(new Address(Family.AF_INET, "127.0.0.1", 80)));
        assertEquals("[b'a', 'b', None, [1]]", PyRepr.of(Arrays.asList(PyBytes.ascii("a"), "b", null, List.of(1))));
        assertEquals("['x', 'y']", PyRepr.of(new LinkedHashSet<>(List.of("x", "y"))));
        assertEquals("7", PyRepr.of(7));
    }

    @Test
    void bytesReprShowsPrintableAsciiAsIsAndEscapesTheRest() {
        assertEquals("b'abc'", PyBytes.ascii("abc").toString());
        assertEquals("b''", PyBytes.EMPTY.toString());
        assertEquals("b'\\t\\n\\r'", PyBytes.ascii("\t\n\r").toString());
        assertEquals("b'\\x00\\x1b\\x7f\\x80\\xff'", bytes(0, 0x1b, 0x7f, 0x80, 0xff));
        assertEquals("b'\\\\'", PyBytes.ascii("\\").toString());
        assertEquals("b'caf\\xc3\\xa9'", PyBytes.utf8("café").toString());
    }

    @Test
    void bytesReprOfLongPlainRunsBetweenEscapesIsTheSameAsByteByByte() {
        String plain = "x".repeat(40);
        assertEquals("b'" + plain + "\\n" + plain + "\\\\" + plain + "\\x00'",
                PyBytes.ascii(plain + "\n" + plain + "\\" + plain + "\0").toString());
        assertEquals("b\"" + plain + "'" + plain + "\"", PyBytes.ascii(plain + "'" + plain).toString());
        assertEquals("b'" + plain + "\\'\"" + plain + "'", PyBytes.ascii(plain + "'\"" + plain).toString());
    }

    @Test
    void bytesReprPicksDoubleQuotesOnlyForASingleQuoteWithoutADoubleOne() {
        assertEquals("b\"it's\"", PyBytes.ascii("it's").toString());
        assertEquals("b'say \"hi\"'", PyBytes.ascii("say \"hi\"").toString());
        assertEquals("b'\\'\"'", PyBytes.ascii("'\"").toString());
    }

    @Test
    void strReprKeepsPrintableUnicodeAndEscapesControlAndInvisibleCharacters() {
        assertEquals("'café'", PyRepr.str("café"));
        assertEquals("'line\\n'", PyRepr.str("line\n"));
        assertEquals("\"it's\"", PyRepr.str("it's"));
        assertEquals("'\\'\"'", PyRepr.str("'\""));
        assertEquals("'\\x00\\x7f\\x85\\xa0\\xad'", PyRepr.str("\0\u007f\u0085\u00a0\u00ad"));
        assertEquals("'\\u200b\\u2028\\u3000'", PyRepr.str("\u200b\u2028\u3000"));
        assertEquals("'\\ue000\\U0010ffff'", PyRepr.str("\ue000" + new String(Character.toChars(0x10ffff))));
        assertEquals("'中😀'", PyRepr.str("中" + new String(Character.toChars(0x1f600))));
    }

    @Test
    void floatReprUsesPlainNotationForExponentsFromMinusFourToFifteen() {
        assertEquals("0.0", PyRepr.number(0.0));
        assertEquals("2.5", PyRepr.number(2.5));
        assertEquals("3.0", PyRepr.number(3.0));
        assertEquals("0.1", PyRepr.number(0.1));
        assertEquals("0.0001", PyRepr.number(0.0001));
        assertEquals("12345678.5", PyRepr.number(12345678.5));
        assertEquals("1000000000000000.0", PyRepr.number(1e15));
        assertEquals("-1.5", PyRepr.number(-1.5));
    }

    @Test
    void floatReprUsesScientificNotationOutsideThatRange() {
        assertEquals("1e-05", PyRepr.number(1e-05));
        assertEquals("1.5e-07", PyRepr.number(1.5e-07));
        assertEquals("1e+16", PyRepr.number(1e16));
        assertEquals("1.2345678901234568e+17", PyRepr.number(123456789012345678.0));
        assertEquals("inf", PyRepr.number(Double.POSITIVE_INFINITY));
        assertEquals("nan", PyRepr.number(Double.NaN));
    }

    @Test
    void ipv4AddressesReprAsTwoTuplesAndIpv6AsFourTuples() {
        assertEquals("('127.0.0.1', 2000)", new Address(Family.AF_INET, "127.0.0.1", 2000).pythonRepr());
        assertEquals("('::1', 2000, 0, 0)", new Address(Family.AF_INET6, "::1", 2000).pythonRepr());
        assertEquals("('0.0.0.0', 0)", Address.unbound(Family.AF_INET).toString());
        assertEquals("('::', 0, 0, 0)", Address.unbound(Family.AF_INET6).toString());
        assertEquals("127.0.0.1:2000", new Address(Family.AF_INET, "127.0.0.1", 2000).hostPort());
        assertEquals("[::1]:2000", new Address(Family.AF_INET6, "::1", 2000).hostPort());
    }

    @Test
    void ipv6AddressesAreCompressedAsGlibcsInetNtopDoes() {
        assertEquals("::1", Address.compressIpv6("0:0:0:0:0:0:0:1"));
        assertEquals("::", Address.compressIpv6("0:0:0:0:0:0:0:0"));
        assertEquals("1::", Address.compressIpv6("1:0:0:0:0:0:0:0"));
        assertEquals("fe80::1", Address.compressIpv6("fe80:0:0:0:0:0:0:1"));
        assertEquals("2001:db8::1:0:0:1", Address.compressIpv6("2001:db8:0:0:1:0:0:1"), "the first longest run");
        assertEquals("1:0:0:1::1", Address.compressIpv6("1:0:0:1:0:0:0:1"));
        assertEquals("2001:db8:0:1:1:1:1:1", Address.compressIpv6("2001:db8:0:1:1:1:1:1"), "one zero group stays");
        assertEquals("::ffff:127.0.0.1", Address.compressIpv6("0:0:0:0:0:ffff:7f00:1"));
        assertEquals("::0.1.0.2", Address.compressIpv6("0:0:0:0:0:0:1:2"));
        assertEquals("::2", Address.compressIpv6("0:0:0:0:0:0:0:2"));
        assertEquals("::ffff:0:a00:b", Address.compressIpv6("0:0:0:0:ffff:0:a00:b"));
    }

    @Test
    void javaSocketAddressesBecomePythonAddressesForTheSocketsFamily() throws Exception {
        InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 80);
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("::1"), 80);
        assertEquals("('127.0.0.1', 80)", Address.of(v4).pythonRepr());
        assertEquals("('::1', 80, 0, 0)", Address.of(v6).pythonRepr());
        assertEquals("('127.0.0.1', 80)", Address.of(Family.AF_INET, v4).pythonRepr());
        assertEquals("('::ffff:127.0.0.1', 80, 0, 0)", Address.of(Family.AF_INET6, v4).pythonRepr());
        InetSocketAddress scoped = new InetSocketAddress(InetAddress.getByName("fe80::1%1"), 80);
        assertEquals("fe80::1", Address.of(scoped).host());
    }

    @Test
    void datagramReprIsTheDataAndTheSenderOrNone() {
        Address from = new Address(Family.AF_INET, "127.0.0.1", 5000);
        assertEquals("(b'hi', ('127.0.0.1', 5000))", new Datagram(PyBytes.ascii("hi"), from).pythonRepr());
        assertEquals("(b'hi', None)", new Datagram(PyBytes.ascii("hi"), null).pythonRepr());
    }

    @Test
    void pyBytesJoinsRepeatsSlicesAndComparesByContent() {
        PyBytes abc = PyBytes.ascii("abc");
        assertEquals(PyBytes.ascii("abcde"), abc.concat(PyBytes.ascii("de")));
        assertSame(abc, abc.concat(PyBytes.EMPTY));
        assertEquals(PyBytes.ascii("abcabc"), abc.repeat(2));
        assertSame(PyBytes.EMPTY, abc.repeat(0));
        assertEquals(PyBytes.ascii("bc"), abc.slice(1, 3));
        assertEquals(PyBytes.ascii("b"), PyBytes.copyOf(new byte[] {'a', 'b'}, 1, 1));
        assertEquals('c', abc.byteAt(2));
        assertEquals(3, abc.length());
        assertEquals(abc.hashCode(), PyBytes.ascii("abc").hashCode());
        assertNotEquals(abc, PyBytes.ascii("abd"));
        assertSame(PyBytes.EMPTY, PyBytes.wrap(new byte[0]));
        assertEquals("é", PyBytes.wrap(new byte[] {(byte) 0xe9}).decodeLatin1());
        assertThrows(IllegalArgumentException.class, () -> PyBytes.ascii("ab").repeat(Integer.MAX_VALUE));
    }

    @Test
    void pyBytesNeverHandsOutItsOwnArray() {
        PyBytes abc = PyBytes.ascii("abc");
        byte[] copy = abc.toArray();
        copy[0] = 'z';
        assertArrayEquals(new byte[] {'a', 'b', 'c'}, abc.toArray());
        ByteBuffer view = abc.asReadOnlyBuffer();
        assertThrows(ReadOnlyBufferException.class, () -> view.put((byte) 'z'));
    }

    @Test
    void errnoClassesFollowPep3151() {
        assertEquals("BlockingIOError", Errno.EAGAIN.pythonClass());
        assertEquals("BlockingIOError", Errno.EINPROGRESS.pythonClass());
        assertEquals("ConnectionResetError", Errno.ECONNRESET.pythonClass());
        assertEquals("TimeoutError", Errno.ETIMEDOUT.pythonClass());
        assertEquals("OSError", Errno.EADDRINUSE.pythonClass());
        assertEquals(98, Errno.EADDRINUSE.number());
        assertEquals("Address already in use", Errno.EADDRINUSE.text());
    }
}
