package io.sockshell.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the same call sequences in CPython ({@code python3} on PATH) and in the engine, and
 * requires the same result or error text for every call. Python runs every scenario in one
 * process (starting it costs a third of a second here); each scenario then becomes one test.
 */
@Timeout(30)
class PythonFidelityTest {
    private static final long PYTHON_SECONDS = 20;
    private static final long ENGINE_SECONDS = 5;

    /** Reads the scenarios file named by argv[1]; prints each scenario's header and its lines. */
    private static final String HARNESS = """
            import errno, os, re, select, struct, sys
            import socket as socketmodule
            from socket import *

            PORT = re.compile(r"\\('([0-9a-f.:]*)', [1-9][0-9]*")
            ASSIGN = re.compile(r"^\\s*([A-Za-z_]\\w*(?:\\s*,\\s*[A-Za-z_]\\w*)*)\\s*=(?!=)")

            def errline(e):
                cls = type(e)
                name = cls.__qualname__ if cls.__module__ == 'builtins' else cls.__module__ + '.' + cls.__qualname__
                text = str(e)
                return name + ': ' + text if text else name

            def run(steps):
                ns = {}
                def port(s):
                    return s.getsockname()[1]
                def linger(s, on, secs):
                    s.setsockopt(SOL_SOCKET, SO_LINGER, struct.pack('ii', on, secs))
                def err(name):
                    number = getattr(errno, name)
                    raise OSError(number, os.strerror(number))
                def ntop(text):
                    return inet_ntop(AF_INET6, inet_pton(AF_INET6, text))
                def name_of(s):
                    for k, v in ns.items():
                        if v is s:
                            return k
                    return '?'
                def pl(socks, t):
                    p = select.poll()
                    for s in socks:
                        p.register(s, select.POLLIN | select.POLLOUT)
                    names = {s.fileno(): name_of(s) for s in socks}
                    return [(names[fd], events) for fd, events in p.poll(t)]
                def sel(r, w, x, t):
                    rr, ww, xx = select.select(r, w, x, t)
                    return ([name_of(s) for s in rr], [name_of(s) for s in ww], [name_of(s) for s in xx])
                g = dict(vars(socketmodule))
                g.update(port=port, linger=linger, sel=sel, pl=pl, err=err, ntop=ntop)
                out = []
                for step in steps:
                    try:
                        if ASSIGN.match(step):
                            exec(step, g, ns)
                            line = 'ok'
                        else:
                            line = repr(eval(step, g, ns))
                    except BaseException as e:
                        line = errline(e)
                    out.append(PORT.sub(lambda m: "('%s', PORT" % m.group(1), line))
                for v in ns.values():
                    if hasattr(v, 'close') and not isinstance(v, socketmodule.socket):
                        try:
                            v.close()
                        except BaseException:
                            pass
                for v in ns.values():
                    if isinstance(v, socketmodule.socket):
                        v.close()
                return out

            scenarios = {}
            name = None
            with open(sys.argv[1], encoding='utf-8') as f:
                for line in f.read().splitlines():
                    if line.startswith('### '):
                        name = line[4:]
                        scenarios[name] = []
                    elif line.strip():
                        scenarios[name].append(line)
            for name, steps in scenarios.items():
                print('### ' + name)
                for line in run(steps):
                    print(line)
                sys.stdout.flush()
            """;

    private static final Map<String, List<String>> SCENARIOS = new LinkedHashMap<>();

    static {
        scenario("a fresh TCP socket refuses data calls as CPython does", """
                s = socket()
                s.send(b'hi')
                s.sendall(b'')
                s.sendto(b'x', ('127.0.0.1', 9))
                s.recv(10)
                s.recvfrom(10)
                s.recv(0)
                s.recvfrom(0)
                s.accept()
                s.getpeername()
                s.getsockname()
                s.shutdown(SHUT_RDWR)
                s.gettimeout()
                s.listen(5)
                s.getsockname()[0]
                s.recv(0)
                s.recv(10)
                s.send(b'x')
                s.listen(1)
                """);
        scenario("bind checks the port, the family, the name and the address as CPython does", """
                s = socket()
                s.bind(('127.0.0.1', 70000))
                s.bind(('127.0.0.1', -1))
                s.bind(('::1', 0))
                s.bind(('no.such.host.invalid', 0))
                s.bind(('192.0.2.1', 0))
                s.getsockname()
                s.bind(('127.0.0.1', 0))
                s.getsockname()
                s.bind(('127.0.0.1', 0))
                t = socket()
                t.bind(('127.0.0.1', port(s)))
                t.bind(('', port(s)))
                s.listen(5)
                t.bind(('127.0.0.1', port(s)))
                t.getsockname()
                """);
        scenario("connect refuses, then succeeds, then says already connected, as CPython does", """
                s = socket()
                s.connect(('127.0.0.1', 70000))
                s.connect(('no.such.host.invalid', 80))
                s.connect_ex(('no.such.host.invalid', 80))
                s.connect(('::1', 80))
                b = socket()
                b.bind(('127.0.0.1', 0))
                s.connect(('127.0.0.1', port(b)))
                s.connect(('127.0.0.1', port(b)))
                s.connect_ex(('127.0.0.1', port(b)))
                k = socket()
                k.bind(('127.0.0.1', 0))
                kp = port(k)
                k.connect(('127.0.0.1', port(b)))
                port(k) == kp
                k.getsockname()
                s.getpeername()
                b.listen(1)
                w = socket()
                w.connect(('', port(b)))
                w.getpeername()
                w.getsockname()[0]
                s.connect(('127.0.0.1', port(b)))
                s.getpeername()
                s.connect(('127.0.0.1', port(b)))
                s.connect_ex(('127.0.0.1', port(b)))
                s.connect(('127.0.0.1', 70000))
                s.listen(1)
                s.accept()
                s.bind(('127.0.0.1', 0))
                b.connect(('127.0.0.1', port(b)))
                b.connect_ex(('127.0.0.1', port(b)))
                b.recv(10)
                b.recv(0)
                b.send(b'x')
                b.getpeername()
                b.listen(5)
                b.shutdown(SHUT_RDWR)
                b.accept()
                b.shutdown(SHUT_RDWR)
                """);
        scenario("a closed socket answers every call with EBADF as CPython does", """
                s = socket()
                s.close()
                s.close()
                s.recv(10)
                s.recv(0)
                s.recv(-1)
                s.recvfrom(10)
                s.recvfrom(0)
                s.send(b'x')
                s.send(b'')
                s.sendall(b'x')
                s.sendto(b'x', ('127.0.0.1', 9))
                s.getsockname()
                s.getpeername()
                s.bind(('127.0.0.1', 0))
                s.bind(('127.0.0.1', 70000))
                s.listen(1)
                s.accept()
                s.connect(('127.0.0.1', 9))
                s.connect_ex(('127.0.0.1', 9))
                s.shutdown(SHUT_RDWR)
                s.setblocking(False)
                s.settimeout(1.0)
                s.gettimeout()
                s.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
                s.getsockopt(SOL_SOCKET, SO_REUSEADDR)
                sel([s], [], [], 0)
                """);
        scenario("modes and timeouts read back as CPython reports them", """
                s = socket()
                s.gettimeout()
                s.settimeout(2.5)
                s.gettimeout()
                s.settimeout(0)
                s.gettimeout()
                s.setblocking(True)
                s.gettimeout()
                s.setblocking(False)
                s.gettimeout()
                s.settimeout(None)
                s.gettimeout()
                s.settimeout(-1)
                s.settimeout(-0.5)
                s.settimeout(3)
                s.gettimeout()
                s.settimeout(0.0001)
                s.gettimeout()
                s.settimeout(1e-05)
                s.gettimeout()
                s.settimeout(12345678.5)
                s.gettimeout()
                s.settimeout(0.1)
                s.gettimeout()
                sel([s], [s], [], -1)
                sel([s], [s], [], 0)
                """);
        scenario("nonblocking TCP raises BlockingIOError where nothing is ready as CPython does", """
                l = socket()
                l.bind(('127.0.0.1', 0))
                l.listen(5)
                l.setblocking(False)
                l.accept()
                c = socket()
                c.setblocking(False)
                c.connect(('127.0.0.1', port(l)))
                sel([], [c], [], 5)
                c.connect(('127.0.0.1', port(l)))
                c.connect(('127.0.0.1', port(l)))
                c.connect_ex(('127.0.0.1', port(l)))
                sel([l], [], [], 5)
                a, addr = l.accept()
                a.gettimeout()
                a.setblocking(False)
                a.recv(10)
                a.recvfrom(10)
                c.send(b'hello')
                sel([a], [], [], 5)
                a.recv(3)
                a.recv(10)
                a.recv(10)
                c.shutdown(SHUT_WR)
                sel([a], [], [], 5)
                a.recv(10)
                c.send(b'x')
                c.sendall(b'x')
                """);
        scenario("timeout mode raises TimeoutError where nothing comes as CPython does", """
                l = socket()
                l.bind(('127.0.0.1', 0))
                l.listen(5)
                l.settimeout(0.05)
                l.accept()
                c = socket()
                c.settimeout(0.05)
                c.connect(('127.0.0.1', port(l)))
                a, addr = l.accept()
                a.gettimeout()
                a.settimeout(0.05)
                a.recv(10)
                a.recvfrom(10)
                c.send(b'x')
                a.recv(10)
                c.gettimeout()
                """);
        scenario("a connect to a full backlog stays in progress as CPython reports it", """
                l = socket()
                l.bind(('127.0.0.1', 0))
                l.listen(1)
                f1 = socket()
                f1.connect(('127.0.0.1', port(l)))
                f2 = socket()
                f2.connect(('127.0.0.1', port(l)))
                c = socket()
                c.setblocking(False)
                c.connect(('127.0.0.1', port(l)))
                sel([c], [c], [], 0.1)
                c.connect(('127.0.0.1', port(l)))
                c.connect_ex(('127.0.0.1', port(l)))
                c.recv(10)
                c.send(b'x')
                c.sendall(b'x')
                c.getpeername()
                c.bind(('127.0.0.1', 0))
                t = socket()
                t.settimeout(0.05)
                t.connect(('127.0.0.1', port(l)))
                t.connect(('127.0.0.1', port(l)))
                t.connect_ex(('127.0.0.1', port(l)))
                t.recv(10)
                t.send(b'x')
                u = socket()
                u.settimeout(0.05)
                u.connect_ex(('127.0.0.1', port(l)))
                """);
        scenario("a refused nonblocking connect reports its error once as CPython does", """
                b = socket()
                b.bind(('127.0.0.1', 0))
                c = socket()
                c.setblocking(False)
                c.connect(('127.0.0.1', port(b)))
                sel([c], [c], [], 5)
                c.getsockopt(SOL_SOCKET, SO_ERROR)
                c.getsockopt(SOL_SOCKET, SO_ERROR)
                c.connect(('127.0.0.1', port(b)))
                d = socket()
                d.setblocking(False)
                d.connect_ex(('127.0.0.1', port(b)))
                sel([], [d], [], 5)
                d.connect(('127.0.0.1', port(b)))
                d.connect_ex(('127.0.0.1', port(b)))
                e = socket()
                e.setblocking(False)
                e.connect_ex(('127.0.0.1', port(b)))
                sel([], [e], [], 5)
                e.recv(10)
                e.recv(10)
                e.getpeername()
                """);
        scenario("recv takes its size as CPython does", """
                l = socket()
                l.bind(('127.0.0.1', 0))
                l.listen(5)
                c = socket()
                c.connect(('127.0.0.1', port(l)))
                a, addr = l.accept()
                a.settimeout(0.05)
                a.recv(-1)
                a.recvfrom(-1)
                a.recv(0)
                a.recvfrom(0)
                a.settimeout(5)
                c.send(b'hi')
                sel([a], [], [], 5)
                a.recvfrom(0)
                sel([a], [], [], 5)
                a.recvfrom(2147483647)
                c.sendto(b'again', ('127.0.0.1', 9))
                sel([a], [], [], 5)
                a.recv(2147483647)
                c.send(b'')
                c.sendall(b'')
                """);
        scenario("shutdown closes one direction at a time as CPython does", """
                l = socket()
                l.bind(('127.0.0.1', 0))
                l.listen(5)
                c = socket()
                c.connect(('127.0.0.1', port(l)))
                a, addr = l.accept()
                c.settimeout(5)
                a.settimeout(5)
                a.shutdown(SHUT_WR)
                c.recv(10)
                c.recv(10)
                c.send(b'ok')
                a.recv(10)
                a.send(b'x')
                a.sendall(b'x')
                a.shutdown(SHUT_RD)
                a.recv(10)
                a.shutdown(SHUT_RDWR)
                a.getpeername()
                a.close()
                a.shutdown(SHUT_RDWR)
                l.shutdown(SHUT_RDWR)
                l.accept()
                l.shutdown(SHUT_RDWR)
                """);
        scenario("a peer that closes with unread data resets the connection as CPython reports it", """
                l = socket()
                l.bind(('127.0.0.1', 0))
                l.listen(5)
                c = socket()
                c.connect(('127.0.0.1', port(l)))
                a, addr = l.accept()
                c.settimeout(5)
                c.sendall(b'unread')
                sel([a], [], [], 5)
                a.close()
                sel([c], [], [], 5)
                c.recv(10)
                c.recv(10)
                c.send(b'x')
                d = socket()
                d.connect(('127.0.0.1', port(l)))
                b, addr = l.accept()
                d.settimeout(5)
                linger(b, 1, 0)
                b.close()
                sel([d], [], [], 5)
                d.recv(10)
                d.recv(10)
                d.send(b'x')
                """);
        scenario("a peer that closes cleanly gives b'' and then a broken pipe as CPython reports it", """
                l = socket()
                l.bind(('127.0.0.1', 0))
                l.listen(5)
                c = socket()
                c.connect(('127.0.0.1', port(l)))
                a, addr = l.accept()
                c.settimeout(5)
                a.close()
                c.recv(10)
                c.getpeername()
                c.send(b'x')
                sel([c], [], [], 5)
                c.send(b'x')
                c.recv(10)
                c.getpeername()
                c.shutdown(SHUT_RDWR)
                """);
        scenario("data the peer sent before it closed is still read after a send met the reset", """
                l = socket()
                l.bind(('127.0.0.1', 0))
                l.listen(5)
                c = socket()
                c.connect(('127.0.0.1', port(l)))
                a, addr = l.accept()
                a.sendall(b'bye')
                a.close()
                sel([c], [], [], 5)
                c.send(b'x')
                sel([c], [], [], 5)
                c.send(b'x')
                c.recv(10)
                c.recv(10)
                c.getpeername()
                """);
        scenario("UDP sockets behave as CPython's", """
                u = socket(AF_INET, SOCK_DGRAM)
                u.getsockname()
                u.send(b'x')
                u.sendall(b'x')
                u.listen(1)
                u.accept()
                u.shutdown(SHUT_RD)
                u.getpeername()
                u.setblocking(False)
                u.recvfrom(10)
                u.recv(10)
                u.getsockname()
                u.bind(('127.0.0.1', 0))
                u.bind(('127.0.0.1', 0))
                v = socket(AF_INET, SOCK_DGRAM)
                v.sendto(b'hello', ('127.0.0.1', port(u)))
                sel([u], [], [], 5)
                u.recv(0)
                u.recvfrom(1024)
                v.sendto(b'abcdef', ('127.0.0.1', port(u)))
                sel([u], [], [], 5)
                u.recvfrom(3)
                u.recvfrom(10)
                z = socket(AF_INET, SOCK_DGRAM)
                z.connect(('', port(u)))
                z.getpeername()
                z.getsockname()[0]
                v.connect(('127.0.0.1', port(u)))
                v.getpeername()
                v.send(b'dg')
                sel([u], [], [], 5)
                u.recvfrom(-1)
                u.recv(-1)
                u.recvfrom(2147483647)
                v.sendto(b'same', ('127.0.0.1', port(u)))
                sel([u], [], [], 5)
                u.recvfrom(0)
                u.recvfrom(10)
                v.sendto(b'x', ('127.0.0.1', 70000))
                v.connect(('127.0.0.1', 70000))
                v.shutdown(SHUT_WR)
                v.send(b'x')
                v.shutdown(SHUT_RD)
                u.settimeout(0.05)
                u.recvfrom(10)
                u.recv(10)
                u.close()
                u.recvfrom(10)
                """);
        scenario("UDP socket options behave as CPython's", """
                v = socket(AF_INET, SOCK_DGRAM)
                v.setsockopt(IPPROTO_TCP, TCP_NODELAY, 1)
                v.getsockopt(IPPROTO_TCP, TCP_NODELAY)
                v.getsockopt(SOL_SOCKET, SO_LINGER)
                v.setsockopt(SOL_SOCKET, SO_KEEPALIVE, 5)
                v.getsockopt(SOL_SOCKET, SO_KEEPALIVE)
                v.getsockopt(SOL_SOCKET, SO_REUSEADDR)
                v.setsockopt(SOL_SOCKET, SO_BROADCAST, 1)
                v.getsockopt(SOL_SOCKET, SO_BROADCAST)
                v.getsockopt(SOL_SOCKET, SO_ERROR)
                """);
        scenario("IPv6 addresses read back as CPython shows them", """
                l = socket(AF_INET6, SOCK_STREAM)
                l.getsockname()
                l.bind(('::1', 0))
                l.getsockname()
                l.listen(5)
                c = socket(AF_INET6)
                c.bind(('127.0.0.1', 0))
                c.connect(('127.0.0.1', port(l)))
                c.connect(('::1', port(l)))
                c.getpeername()
                a, addr = l.accept()
                c6 = socket(AF_INET6)
                c6.connect(('', port(l)))
                c6.getpeername()
                addr
                a.getsockname()
                a.getpeername() == c.getsockname()
                c.send(b'v6')
                a.recvfrom(10)
                d = socket(AF_INET6)
                d.bind(('', 0))
                d.listen(5)
                d.getsockname()
                m = socket(AF_INET6)
                m.connect(('::ffff:127.0.0.1', port(d)))
                m.getpeername()
                v4 = socket()
                v4.connect(('127.0.0.1', port(d)))
                e, eaddr = d.accept()
                e, eaddr = d.accept()
                eaddr
                e.getsockname()
                u = socket(AF_INET6, SOCK_DGRAM)
                u.getsockname()
                u.bind(('::1', 0))
                u.getsockname()
                v = socket(AF_INET6, SOCK_DGRAM)
                v.sendto(b'hi', ('::1', port(u)))
                sel([u], [], [], 5)
                u.recvfrom(10)
                """);
        scenario("makefile reads lines and buffers writes as CPython's files do", """
                l = socket()
                l.bind(('127.0.0.1', 0))
                l.listen(5)
                c = socket()
                c.connect(('127.0.0.1', port(l)))
                a, addr = l.accept()
                a.settimeout(5)
                c.settimeout(5)
                f = a.makefile('r')
                w = a.makefile('w')
                b = c.makefile('rb')
                a.makefile('x')
                r = a.makefile('rr')
                w.write('hello\\n')
                w.write('wörld\\n')
                c.setblocking(False)
                c.recv(100)
                c.settimeout(5)
                w.flush()
                b.readline()
                b.readline()
                c.sendall(b'line1\\nline2\\r\\nthree\\rpart')
                c.shutdown(SHUT_WR)
                f.readline()
                f.readline()
                f.readline()
                f.readline()
                f.readline()
                w.readline()
                f.write('x')
                f.close()
                f.readline()
                w.close()
                w.write('x')
                x = a.makefile('wb')
                x.write(b'x\\ny\\n')
                x.close()
                a.shutdown(SHUT_WR)
                b.readlines()
                s = socket()
                s.close()
                g = s.makefile('rb')
                g.readline()
                """);
        scenario("select reports readiness as CPython's select does", """
                s = socket()
                sel([s], [s], [], 0)
                l = socket()
                l.bind(('127.0.0.1', 0))
                sel([l], [l], [], 0)
                l.listen(5)
                sel([l], [l], [], 0)
                c = socket()
                c.connect(('127.0.0.1', port(l)))
                sel([l], [], [], 5)
                a, addr = l.accept()
                sel([a], [a], [], 0)
                c.send(b'x')
                sel([a], [], [], 5)
                sel([a, c], [a, c], [], 0)
                sel([a, a], [], [], 0)
                u = socket(AF_INET, SOCK_DGRAM)
                sel([u], [u], [], 0)
                c.shutdown(SHUT_WR)
                sel([a], [], [], 5)
                a.recv(10)
                sel([a], [], [], 0)
                c.close()
                sel([c], [], [], 0)
                sel([], [c], [], 0)
                sel([a], [], [], -1)
                sel([], [], [], 0)
                """);
        scenario("poll reports events as CPython's poll does", """
                s = socket()
                pl([s], 0)
                l = socket()
                l.bind(('127.0.0.1', 0))
                pl([l], 0)
                l.listen(5)
                pl([l], 0)
                c = socket()
                c.connect(('127.0.0.1', port(l)))
                pl([l], 1000)
                a, addr = l.accept()
                pl([a], 0)
                c.send(b'x')
                pl([a], 1000)
                pl([s, l, a, c], 0)
                a.recv(1)
                c.shutdown(SHUT_WR)
                pl([a], 1000)
                u = socket(AF_INET, SOCK_DGRAM)
                pl([u], 0)
                u.bind(('127.0.0.1', 0))
                pl([u], 0)
                u.sendto(b'x', ('127.0.0.1', port(u)))
                pl([u], 1000)
                pl([], 0)
                """);
        scenario("socket options read back as CPython's getsockopt gives them", """
                s = socket()
                s.getsockopt(SOL_SOCKET, SO_REUSEADDR)
                s.getsockopt(IPPROTO_TCP, TCP_NODELAY)
                s.getsockopt(SOL_SOCKET, SO_LINGER)
                s.getsockopt(SOL_SOCKET, SO_KEEPALIVE)
                s.getsockopt(SOL_SOCKET, SO_ERROR)
                s.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
                s.getsockopt(SOL_SOCKET, SO_REUSEADDR)
                s.setsockopt(IPPROTO_TCP, TCP_NODELAY, 1)
                s.getsockopt(IPPROTO_TCP, TCP_NODELAY)
                linger(s, 1, 0)
                s.getsockopt(SOL_SOCKET, SO_LINGER)
                s.setsockopt(SOL_SOCKET, SO_SNDBUF, 4096)
                s.getsockopt(SOL_SOCKET, SO_SNDBUF)
                s.setsockopt(SOL_SOCKET, SO_RCVBUF, 4096)
                s.getsockopt(SOL_SOCKET, SO_RCVBUF)
                s.setsockopt(SOL_SOCKET, SO_KEEPALIVE, 1)
                s.getsockopt(SOL_SOCKET, SO_KEEPALIVE)
                s.setsockopt(SOL_SOCKET, SO_ERROR, 1)
                s.setsockopt(SOL_SOCKET, SO_BROADCAST, 7)
                s.getsockopt(SOL_SOCKET, SO_BROADCAST)
                s.bind(('127.0.0.1', 0))
                s.listen(5)
                s.getsockopt(SOL_SOCKET, SO_REUSEADDR)
                s.getsockopt(IPPROTO_TCP, TCP_NODELAY)
                s.getsockopt(SOL_SOCKET, SO_KEEPALIVE)
                s.getsockopt(SOL_SOCKET, SO_SNDBUF)
                s.getsockopt(SOL_SOCKET, SO_RCVBUF)
                s.getsockopt(SOL_SOCKET, SO_LINGER)
                s.setsockopt(SOL_SOCKET, SO_KEEPALIVE, 3)
                s.getsockopt(SOL_SOCKET, SO_KEEPALIVE)
                c = socket()
                c.connect(('127.0.0.1', port(s)))
                a, addr = s.accept()
                a.getsockopt(IPPROTO_TCP, TCP_NODELAY)
                a.getsockopt(SOL_SOCKET, SO_KEEPALIVE)
                a.getsockopt(SOL_SOCKET, SO_REUSEADDR)
                c.getsockopt(IPPROTO_TCP, TCP_NODELAY)
                """);
        scenario("a port in TIME_WAIT needs SO_REUSEADDR to be bound again, as in CPython", """
                l = socket()
                l.bind(('127.0.0.1', 0))
                p = port(l)
                l.listen(5)
                c = socket()
                c.connect(('127.0.0.1', p))
                a, addr = l.accept()
                a.close()
                c.settimeout(5)
                c.recv(10)
                c.close()
                l.close()
                n = socket()
                n.bind(('127.0.0.1', p))
                r = socket()
                r.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
                r.bind(('127.0.0.1', p))
                q = socket()
                q.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
                q.bind(('127.0.0.1', 0))
                qp = port(q)
                q.listen(5)
                d = socket()
                d.connect(('127.0.0.1', qp))
                b, baddr = q.accept()
                b.getsockopt(SOL_SOCKET, SO_REUSEADDR)
                b.close()
                d.settimeout(5)
                d.recv(10)
                d.close()
                q.close()
                n2 = socket()
                n2.bind(('127.0.0.1', qp))
                r2 = socket()
                r2.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
                r2.bind(('127.0.0.1', qp))
                r2.listen(5)
                """);
        scenario("text mode makefile reports bad UTF-8 as CPython does", """
                l = socket()
                l.bind(('127.0.0.1', 0))
                l.listen(5)
                c = socket()
                c.connect(('127.0.0.1', port(l)))
                a, addr = l.accept()
                a.settimeout(5)
                f = a.makefile('r')
                c.sendall(b'ok\\n\\xff\\n')
                f.readline()
                c.sendall(b'caf\\xc3')
                sel([a], [], [], 5)
                c.sendall(b'\\xa9\\r')
                sel([a], [], [], 5)
                c.sendall(b'\\nnext\\r')
                f.readline()
                c.sendall(b'a\\xe2\\x28b\\n')
                f.readline()
                c.sendall(b'x\\n\\xc3')
                f.readline()
                c.sendall(b'\\xff')
                f.readline()
                c.sendall(b'\\xa9 tail \\xc3')
                c.shutdown(SHUT_WR)
                f.readline()
                f.readline()
                f.readline()
                """);
        scenario("every errno the engine knows reads as CPython's OSError for it", errnoLines());
        scenario("IPv6 addresses are written as glibc's inet_ntop writes them", ntopLines());
        scenario("repr of bytes and text matches CPython's for awkward values", reprLines());
    }

    private static void scenario(String name, String steps) {
        SCENARIOS.put(name, steps.lines().filter(line -> !line.isBlank()).toList());
    }

    private static String errnoLines() {
        StringBuilder out = new StringBuilder();
        for (Errno errno : Errno.values()) {
            out.append("err('").append(errno.name()).append("')\n");
        }
        return out.toString();
    }

    /** Random IPv6 addresses in Java's full form, mostly zero groups, and the special forms. */
    private static String ntopLines() {
        Random random = new Random(5952);
        StringBuilder out = new StringBuilder();
        List<String> fixed = List.of("0:0:0:0:0:0:0:0", "0:0:0:0:0:0:0:1", "0:0:0:0:0:0:0:2", "1:0:0:0:0:0:0:0",
                "0:0:0:0:0:ffff:7f00:1", "0:0:0:0:0:0:1:2", "0:0:0:0:0:ffff:0:0", "0:0:0:0:ffff:0:a00:b",
                "fe80:0:0:0:0:0:0:1", "2001:db8:0:0:1:0:0:1", "1:0:0:1:0:0:1:1", "0:0:0:0:0:0:0:ffff");
        fixed.forEach(address -> out.append("ntop('").append(address).append("')\n"));
        for (int i = 0; i < 150; i++) {
            String[] groups = new String[8];
            for (int j = 0; j < 8; j++) {
                int kind = random.nextInt(10);
                groups[j] = Integer.toHexString(kind < 6 ? 0 : kind < 7 ? 0xffff : random.nextInt(0x10000));
            }
            out.append("ntop('").append(String.join(":", groups)).append("')\n");
        }
        return out.toString();
    }

    /** Random byte strings and texts, heavy on quotes, escapes and unprintable characters. */
    private static String reprLines() {
        Random random = new Random(20261123);
        int[] specialBytes = {'\'', '"', '\\', '\t', '\n', '\r', 0, 0x7f, 0x80, 0xff, ' ', 'a'};
        int[] specialChars = {'\'', '"', '\\', '\t', '\n', '\r', 0, 0x1b, 0x7f, 0x85, 0xa0, 0xad, 0xe9, 0xdf,
            0x3b1, 0x4e2d, 0x200b, 0x2028, 0x3000, 0xfeff, 0xe000, 0xd800, 0x1f600, 0x10ffff, 'z'};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            StringBuilder literal = new StringBuilder("b'");
            int length = random.nextInt(8);
            for (int j = 0; j < length; j++) {
                int b = random.nextBoolean() ? specialBytes[random.nextInt(specialBytes.length)] : random.nextInt(256);
                literal.append(String.format("\\x%02x", b));
            }
            out.append(literal).append("'\n");
        }
        for (int i = 0; i < 120; i++) {
            StringBuilder literal = new StringBuilder("'");
            int length = random.nextInt(6);
            for (int j = 0; j < length; j++) {
                int c = random.nextBoolean() ? specialChars[random.nextInt(specialChars.length)] : 0x20 + random.nextInt(0x5f);
                literal.append(String.format("\\U%08x", c));
            }
            out.append(literal).append("'\n");
        }
        return out.toString();
    }

    private static Map<String, List<String>> python;

    @BeforeAll
    static void runScenariosInPython(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(onPath("python3"), "python3 is not on PATH");
        Path harness = dir.resolve("harness.py");
        Path input = dir.resolve("scenarios.txt");
        Path output = dir.resolve("out.txt");
        Path errors = dir.resolve("err.txt");
        Files.writeString(harness, HARNESS, StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder();
        SCENARIOS.forEach((name, steps) -> {
            text.append("### ").append(name).append('\n');
            steps.forEach(step -> text.append(step).append('\n'));
        });
        Files.writeString(input, text, StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("python3", harness.toString(), input.toString())
                .redirectOutput(output.toFile())
                .redirectError(errors.toFile());
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = builder.start();
        try {
            if (!process.waitFor(PYTHON_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("python3 did not finish within " + PYTHON_SECONDS + " s; output so far:\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
        } finally {
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), () -> "python3 failed: " + readQuietly(errors));
        python = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            if (line.startsWith("### ")) {
                current = new ArrayList<>();
                python.put(line.substring(4), current);
            } else {
                current.add(line);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> engineGivesCPythonsResultForEveryCall() {
        return SCENARIOS.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            List<String> steps = entry.getValue();
            List<String> expected = python.get(entry.getKey());
            assertTrue(expected != null && expected.size() == steps.size(),
                    () -> "python3 gave no complete result for this scenario: " + expected);
            assertEquals(annotate(steps, expected), annotate(steps, runInEngine(steps)));
        }));
    }

    /**
     * Runs the steps on another thread under a {@link CancelSignal}: dynamic tests get no
     * {@code @Timeout}, so a call that hangs is cancelled after the bound and shows up in the
     * output as {@code KeyboardInterrupt} at the step that hung.
     */
    private static List<String> runInEngine(List<String> steps) throws Exception {
        CancelSignal signal = new CancelSignal();
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "fidelity-engine");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<List<String>> run = executor.submit(() -> {
                CancelSignal.install(signal);
                try (CallScript script = new CallScript(SocketBackends.create(TraceListener.NONE))) {
                    return script.run(steps);
                }
            });
            try {
                return run.get(ENGINE_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                signal.cancel();
                return run.get(ENGINE_SECONDS, TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static String annotate(List<String> steps, List<String> results) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            out.append(steps.get(i)).append("  ->  ").append(results.get(i)).append('\n');
        }
        return out.toString();
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
