package io.sockshell.engine.posix;

import io.sockshell.engine.Accepted;
import io.sockshell.engine.Address;
import io.sockshell.engine.Datagram;
import io.sockshell.engine.Family;
import io.sockshell.engine.Kind;
import io.sockshell.engine.LineFile;
import io.sockshell.engine.ProcessStarts;
import io.sockshell.engine.PyBytes;
import io.sockshell.engine.ShutdownHow;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SockInfo;
import io.sockshell.engine.SockOption;
import io.sockshell.engine.SocketState;
import io.sockshell.engine.TraceListener;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One kernel socket with CPython's socket object around it. Every call is the system call
 * CPython makes (Modules/socketmodule.c), and every result and error the kernel's; what is
 * built here is only what CPython builds itself: the three modes of {@code sock_call_ex} (a
 * timeout polls before the call, blocking tries the call first, nonblocking only tries), the
 * connect of {@code internal_connect}, and sendall's loop.
 *
 * <p>One thing is done differently, so that no call ever blocks where a cancel cannot end it:
 * where CPython lets the kernel block (a blocking socket), the call is made without blocking
 * ({@code MSG_DONTWAIT}, or for accept and connect, which take no such flag, with O_NONBLOCK
 * set just around the call) and the wait is a cancellable poll ({@link Waits}). A blocking
 * send still returns only when all is sent, as Linux's does. The descriptor's O_NONBLOCK is
 * otherwise CPython's: set in timeout and nonblocking mode, clear in blocking mode.
 */
final class PosixSock implements Sock {
    private final Family family;
    private final Kind kind;
    private final TraceListener trace;
    private final Descriptor descriptor;
    private final List<Descriptor> self;
    /** Held while O_NONBLOCK is changed, and around a call made with it set for the call alone. */
    private final Object flagLock = new Object();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong sendCalls = new AtomicLong();
    private final AtomicLong recvCalls = new AtomicLong();
    private volatile String label = "?";
    /** CPython's sock_timeout: null blocking, 0.0 nonblocking, else seconds. */
    private volatile Double timeout;
    /** Which directions the user shut down, for the state a learner sees. */
    private volatile boolean shutRead;
    private volatile boolean shutWrite;
    /** The backlog the last listen gave the kernel. */
    private volatile int backlog = -1;

    private PosixSock(Family family, Kind kind, TraceListener trace, int fd) {
        this.family = family;
        this.kind = kind;
        this.trace = trace;
        this.descriptor = new Descriptor(fd, this::closeNumber);
        this.self = List.of(descriptor);
    }

    /** socket(family, type | SOCK_CLOEXEC, 0), as CPython opens one. */
    static PosixSock open(Family family, Kind kind, TraceListener trace) throws SockError {
        int type = (kind == Kind.SOCK_STREAM ? Libc.SOCK_STREAM : Libc.SOCK_DGRAM) | Libc.SOCK_CLOEXEC;
        int fd = Libc.socket(af(family), type, 0);
        int errno = fd < 0 ? Libc.errno() : 0;
        if (trace.enabled()) {
            trace.syscall("socket(" + family.name() + ", " + kind.name() + "|SOCK_CLOEXEC, IPPROTO_IP) = "
                    + Strace.result(fd, errno));
        }
        if (fd < 0) {
            throw Errors.raised(errno);
        }
        return new PosixSock(family, kind, trace, fd);
    }

    @FunctionalInterface
    private interface Attempt {
        /** One call that does not block: its result (0 or more) or minus its errno. */
        long run(int fd) throws SockError;
    }

    // --- identity and mode --------------------------------------------------------------

    @Override
    public Family family() {
        return family;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public void label(String label) {
        this.label = label;
    }

    @Override
    public int fileno() {
        return descriptor.number();
    }

    @Override
    public boolean isClosed() {
        return descriptor.isClosed();
    }

    @Override
    public Double gettimeout() {
        return timeout;
    }

    @Override
    public void setblocking(boolean blocking) throws SockError {
        timeout = blocking ? null : 0.0;
        setNonblockingFlag(!blocking);
    }

    @Override
    public void settimeout(Double seconds) throws SockError {
        if (seconds != null && seconds.isNaN()) {
            throw SockError.valueError("Invalid value NaN (not a number)");
        }
        if (seconds != null && seconds < 0) {
            throw SockError.valueError("Timeout value out of range");
        }
        timeout = seconds;
        setNonblockingFlag(seconds != null);
    }

    /** CPython's internal_setblocking: ioctl(FIONBIO), made every time, raising EBADF once closed. */
    private void setNonblockingFlag(boolean nonblocking) throws SockError {
        int fd = descriptor.acquire();
        try {
            synchronized (flagLock) {
                int errno = fionbio(fd, nonblocking);
                if (errno != 0) {
                    throw Errors.raised(errno);
                }
            }
        } finally {
            descriptor.release();
        }
    }

    /** ioctl(fd, FIONBIO, [on]); 0 or the errno. */
    private int fionbio(int fd, boolean on) {
        MemorySegment value = Scratch.current().option;
        value.set(ValueLayout.JAVA_INT, 0, on ? 1 : 0);
        int returned = Libc.ioctl(fd, Libc.FIONBIO, value);
        int errno = returned < 0 ? Libc.errno() : 0;
        if (tracing()) {
            traced("ioctl(" + fd + ", FIONBIO, [" + (on ? 1 : 0) + "])", returned, errno);
        }
        return errno;
    }

    // --- addresses ----------------------------------------------------------------------

    @Override
    public void bind(String host, int port) throws SockError {
        SockAddr address = Resolver.resolve(family, host, port, "bind");
        int fd = descriptor.acquire();
        try {
            MemorySegment raw = Scratch.current().address;
            int length = address.write(raw);
            int returned = Libc.bind(fd, raw, length);
            check(returned, "bind", fd, address.show() + ", " + length);
        } finally {
            descriptor.release();
        }
    }

    @Override
    public Address getsockname() throws SockError {
        return name(true, true);
    }

    @Override
    public Address getpeername() throws SockError {
        return name(false, true);
    }

    /** getsockname or getpeername, traced when the user asked for it. */
    private Address name(boolean own, boolean user) throws SockError {
        int fd = descriptor.acquire();
        try {
            Scratch scratch = Scratch.current();
            scratch.addressLength.set(ValueLayout.JAVA_INT, 0, Scratch.ADDRESS_ROOM);
            int returned = own ? Libc.getsockname(fd, scratch.address, scratch.addressLength)
                    : Libc.getpeername(fd, scratch.address, scratch.addressLength);
            int errno = returned < 0 ? Libc.errno() : 0;
            SockAddr address = returned < 0 ? null
                    : SockAddr.read(scratch.address, scratch.addressLength.get(ValueLayout.JAVA_INT, 0));
            if (user && tracing()) {
                traced((own ? "getsockname(" : "getpeername(") + fd + ", " + (address == null ? "..." : address.show())
                        + ", [" + scratch.addressLength.get(ValueLayout.JAVA_INT, 0) + "])", returned, errno);
            }
            if (returned < 0) {
                throw Errors.raised(errno);
            }
            return address == null ? Address.unbound(family) : address.toAddress();
        } finally {
            descriptor.release();
        }
    }

    // --- listen, accept, connect -----------------------------------------------------------

    @Override
    public void listen(int backlog) throws SockError {
        // CPython: "we force a minimum value of 0" for systems that refuse a negative backlog.
        int clamped = Math.max(0, backlog);
        int fd = descriptor.acquire();
        try {
            check(Libc.listen(fd, clamped), "listen", fd, Integer.toString(clamped));
            this.backlog = clamped;
        } finally {
            descriptor.release();
        }
    }

    @Override
    public Accepted accept() throws SockError {
        int fd = descriptor.acquire();
        try {
            boolean blocking = timeout == null;
            long accepted = underMode(fd, Libc.POLLIN, listening -> {
                if (!blocking || listening < 0) {
                    return acceptOnce(listening);
                }
                synchronized (flagLock) {
                    fionbio(listening, true);
                    try {
                        return acceptOnce(listening);
                    } finally {
                        fionbio(listening, false);
                    }
                }
            });
            if (accepted < 0) {
                throw Errors.raised((int) -accepted);
            }
            Scratch scratch = Scratch.current();
            SockAddr peer = SockAddr.read(scratch.address, scratch.addressLength.get(ValueLayout.JAVA_INT, 0));
            PosixSock sock = new PosixSock(family, kind, trace, (int) accepted);
            Double listenerTimeout = timeout;
            if (listenerTimeout != null && listenerTimeout > 0) {
                // socket.accept(): "if no default timeout is set and the listening socket had a
                // (non-zero) timeout, force the new socket in blocking mode".
                sock.setblocking(true);
            }
            return new Accepted(sock, peer == null ? Address.unbound(family) : peer.toAddress());
        } finally {
            descriptor.release();
        }
    }

    /** accept4(fd, &addr, &len, SOCK_CLOEXEC): the new descriptor, or minus the errno. */
    private long acceptOnce(int fd) {
        Scratch scratch = Scratch.current();
        scratch.addressLength.set(ValueLayout.JAVA_INT, 0, Scratch.ADDRESS_ROOM);
        int returned = Libc.accept4(fd, scratch.address, scratch.addressLength, Libc.SOCK_CLOEXEC);
        int errno = returned < 0 ? Libc.errno() : 0;
        if (tracing()) {
            int length = scratch.addressLength.get(ValueLayout.JAVA_INT, 0);
            SockAddr peer = returned < 0 ? null : SockAddr.read(scratch.address, length);
            traced("accept4(" + fd + ", " + (peer == null ? "..." : peer.show()) + ", [" + length + "], SOCK_CLOEXEC)",
                    returned, errno);
        }
        return returned < 0 ? -errno : returned;
    }

    @Override
    public void connect(String host, int port) throws SockError {
        connect(host, port, true);
    }

    /** connect_ex: the errno of a failed connect (0 on success) instead of raising it. */
    @Override
    public int connectEx(String host, int port) throws SockError {
        return connect(host, port, false);
    }

    /** CPython's internal_connect, with the blocking connect's wait made cancellable. */
    private int connect(String host, int port, boolean raise) throws SockError {
        SockAddr address = Resolver.resolve(family, host, port, raise ? "connect" : "connect_ex");
        int fd = descriptor.acquire();
        try {
            Double mode = timeout;
            int errno;
            if (mode == null && fd >= 0) {
                errno = connectBlocking(fd, address);
            } else {
                errno = connectOnce(fd, address);
                if (errno == Libc.EINPROGRESS && mode != null && mode > 0) {
                    errno = awaitConnected(fd, Waits.deadlineIn(mode));
                    if (errno == Libc.EAGAIN && raise) {
                        throw SockError.timedOut();
                    }
                }
            }
            if (errno != 0 && raise) {
                throw Errors.raised(errno);
            }
            return errno;
        } finally {
            descriptor.release();
        }
    }

    /**
     * A blocking connect. The kernel would wait inside connect(), where nothing but a signal
     * ends the wait; here each connect() is made with O_NONBLOCK set, and the wait is a poll.
     * Once the socket is writable the connect is made again, as a blocking connect woken by
     * the kernel goes on: it returns 0 when connected (and the socket counts as connected from
     * then on), the error when the connect failed, EALREADY while it is still under way.
     */
    private int connectBlocking(int fd, SockAddr address) throws SockError {
        while (true) {
            int errno;
            synchronized (flagLock) {
                fionbio(fd, true);
                try {
                    errno = connectOnce(fd, address);
                } finally {
                    fionbio(fd, false);
                }
            }
            if (errno != Libc.EINPROGRESS && errno != Libc.EALREADY) {
                return errno;
            }
            awaitReady(fd, Libc.POLLOUT, Waits.FOREVER);
        }
    }

    /** connect(fd, addr, len): 0 or the errno. */
    private int connectOnce(int fd, SockAddr address) {
        MemorySegment raw = Scratch.current().address;
        int length = address.write(raw);
        int returned = Libc.connect(fd, raw, length);
        int errno = returned < 0 ? Libc.errno() : 0;
        if (tracing()) {
            traced("connect(" + fd + ", " + address.show() + ", " + length + ")", returned, errno);
        }
        return errno;
    }

    /**
     * sock_call_ex for a connect under way: poll for POLLOUT|POLLERR, then SO_ERROR says how it
     * ended. 0 when connected, EAGAIN at the deadline (CPython's connect_ex reports a timeout as
     * EWOULDBLOCK), else the connect's errno.
     */
    private int awaitConnected(int fd, long deadline) throws SockError {
        while (true) {
            if (!awaitReady(fd, Libc.POLLOUT | Libc.POLLERR, deadline)) {
                return Libc.EAGAIN;
            }
            Scratch scratch = Scratch.current();
            int failed = getOption(fd, Libc.SOL_SOCKET, Libc.SO_ERROR, "SO_ERROR", 4, true);
            if (failed < 0) {
                return -failed;
            }
            int error = scratch.option.get(ValueLayout.JAVA_INT, 0);
            if (error == 0 || error == Libc.EISCONN) {
                return 0;
            }
            if (error != Libc.EAGAIN) {
                return error;
            }
        }
    }

    // --- sending ------------------------------------------------------------------------

    @Override
    public int send(PyBytes data) throws SockError {
        return (int) sendData(data, null);
    }

    @Override
    public int sendto(PyBytes data, String host, int port) throws SockError {
        return (int) sendData(data, Resolver.resolve(family, host, port, "sendto"));
    }

    /**
     * CPython's sock_sendall: sends under the socket's mode until all is gone, with one deadline
     * for the whole call. A cancel after some bytes went says how many.
     */
    @Override
    public void sendall(PyBytes data) throws SockError {
        MemorySegment bytes = MemorySegment.ofBuffer(data.asReadOnlyBuffer());
        long length = bytes.byteSize();
        Double mode = timeout;
        long deadline = mode == null || mode == 0.0 ? Waits.FOREVER : Waits.deadlineIn(mode);
        long sent = 0;
        int fd = descriptor.acquire();
        try {
            do {
                if (deadline != Waits.FOREVER && System.nanoTime() - deadline >= 0) {
                    throw SockError.timedOut();
                }
                long n;
                try {
                    n = sendUnderMode(fd, bytes, sent, length - sent, null, mode, deadline);
                } catch (SockError e) {
                    long total = sent + e.sentBeforeInterrupt().orElse(0);
                    throw e.pythonClass().equals("KeyboardInterrupt") && total > 0
                            ? SockError.interruptedAfterSending(total) : e;
                }
                if (n < 0) {
                    throw Errors.raised((int) -n);
                }
                sent += n;
            } while (sent < length);
        } finally {
            descriptor.release();
        }
    }

    private long sendData(PyBytes data, SockAddr to) throws SockError {
        MemorySegment bytes = MemorySegment.ofBuffer(data.asReadOnlyBuffer());
        Double mode = timeout;
        int fd = descriptor.acquire();
        try {
            long deadline = mode == null || mode == 0.0 ? Waits.FOREVER : Waits.deadlineIn(mode);
            long sent = sendUnderMode(fd, bytes, 0, bytes.byteSize(), to, mode, deadline);
            if (sent < 0) {
                throw Errors.raised((int) -sent);
            }
            return sent;
        } finally {
            descriptor.release();
        }
    }

    /**
     * One send under the socket's mode. Blocking, as Linux's blocking send: every byte of a
     * stream's data goes before it returns (waiting for room as often as it takes); cut short
     * by an error after some bytes went it returns their count, by a cancel it says how many
     * went. Returns the count or minus the errno.
     */
    private long sendUnderMode(int fd, MemorySegment bytes, long offset, long length, SockAddr to, Double mode,
            long deadline) throws SockError {
        if (mode == null) {
            long sent = 0;
            while (true) {
                long n = sendOnce(fd, bytes, offset + sent, length - sent, to);
                if (n >= 0) {
                    sent += n;
                    if (sent >= length || kind == Kind.SOCK_DGRAM) {
                        return sent;
                    }
                } else if (n != -Libc.EAGAIN || fd < 0) {
                    return sent > 0 ? sent : n;
                }
                int revents;
                try {
                    revents = readiness(fd, Libc.POLLOUT, Waits.FOREVER);
                } catch (SockError e) {
                    if (sent > 0 && e.pythonClass().equals("KeyboardInterrupt")) {
                        throw SockError.interruptedAfterSending(sent);
                    }
                    throw e;
                }
                if (sent > 0 && (revents & (Libc.POLLERR | Libc.POLLHUP)) != 0) {
                    // Linux's blocking send, woken by an error after it had sent some, returns
                    // the count and leaves the error to the next call; a send now would take it.
                    return sent;
                }
            }
        }
        if (mode == 0.0) {
            return sendOnce(fd, bytes, offset, length, to);
        }
        while (true) {
            if (fd >= 0 && !awaitReady(fd, Libc.POLLOUT, deadline)) {
                throw SockError.timedOut();
            }
            long n = sendOnce(fd, bytes, offset, length, to);
            if (n != -Libc.EAGAIN) {
                return n;
            }
        }
    }

    /** send or sendto without blocking: the count, or minus the errno; counted and traced. */
    private long sendOnce(int fd, MemorySegment bytes, long offset, long length, SockAddr to) {
        MemorySegment from = bytes.asSlice(offset, length);
        int flags = Libc.MSG_DONTWAIT | Libc.MSG_NOSIGNAL;
        long returned;
        int addressLength = 0;
        if (to == null) {
            returned = Libc.send(fd, from, length, flags);
        } else {
            MemorySegment raw = Scratch.current().address;
            addressLength = to.write(raw);
            returned = Libc.sendto(fd, from, length, flags, raw, addressLength);
        }
        int errno = returned < 0 ? Libc.errno() : 0;
        if (returned >= 0) {
            sendCalls.incrementAndGet();
            bytesSent.addAndGet(returned);
        }
        if (tracing()) {
            String shown = fd + ", " + Strace.bytes(from, length) + ", " + length + ", " + Strace.messageFlags(flags);
            traced(to == null ? "send(" + shown + ")" : "sendto(" + shown + ", " + to.show() + ", " + addressLength + ")",
                    returned, errno);
        }
        return returned < 0 ? -errno : returned;
    }

    // --- receiving ----------------------------------------------------------------------

    @Override
    public PyBytes recv(int bufsize) throws SockError {
        long n = receive(bufsize, "recv", false);
        return n == 0 ? PyBytes.EMPTY
                : PyBytes.wrap(Scratch.current().receiveBuffer(n).asSlice(0, n).toArray(ValueLayout.JAVA_BYTE));
    }

    /** A recv that keeps only the count: the bytes stay in this thread's native buffer. */
    @Override
    public int recvLength(int bufsize) throws SockError {
        return (int) receive(bufsize, "recv", false);
    }

    @Override
    public Datagram recvfrom(int bufsize) throws SockError {
        long n = receive(bufsize, "recvfrom", true);
        Scratch scratch = Scratch.current();
        PyBytes data = n == 0 ? PyBytes.EMPTY
                : PyBytes.wrap(scratch.receiveBuffer(n).asSlice(0, n).toArray(ValueLayout.JAVA_BYTE));
        SockAddr from = SockAddr.read(scratch.address, scratch.addressLength.get(ValueLayout.JAVA_INT, 0));
        return new Datagram(data, from == null ? null : from.toAddress());
    }

    /**
     * recv or recvfrom of up to {@code bufsize} bytes under the socket's mode, into this thread's
     * receive buffer (and, for recvfrom, its address). recv(0) returns at once, as CPython's
     * does; recvfrom(0) waits for a message, as CPython's does.
     */
    private long receive(int bufsize, String call, boolean from) throws SockError {
        if (bufsize < 0) {
            throw SockError.valueError("negative buffersize in " + call);
        }
        if (bufsize == 0 && !from) {
            recvCalls.incrementAndGet();
            return 0;
        }
        Scratch scratch = Scratch.current();
        MemorySegment buffer = scratch.receiveBuffer(bufsize);
        long length = Math.min(bufsize, Scratch.MAX_RECEIVE);
        Double mode = timeout;
        int fd = descriptor.acquire();
        try {
            long n;
            if (mode == null) {
                while (true) {
                    n = receiveOnce(fd, buffer, length, from);
                    if (n == -Libc.EAGAIN && shutRead && kind == Kind.SOCK_DGRAM) {
                        // A datagram socket shut for reading polls readable, yet a recv that may
                        // not wait says EAGAIN; CPython's blocking recv waits in the kernel,
                        // which sees the shutdown and returns 0.
                        n = 0;
                    }
                    if (n != -Libc.EAGAIN || fd < 0) {
                        break;
                    }
                    awaitReady(fd, Libc.POLLIN, Waits.FOREVER);
                }
            } else if (mode == 0.0) {
                n = receiveOnce(fd, buffer, length, from);
            } else {
                long deadline = Waits.deadlineIn(mode);
                while (true) {
                    if (fd >= 0 && !awaitReady(fd, Libc.POLLIN, deadline)) {
                        throw SockError.timedOut();
                    }
                    n = receiveOnce(fd, buffer, length, from);
                    if (n != -Libc.EAGAIN) {
                        break;
                    }
                }
            }
            if (n < 0) {
                throw Errors.raised((int) -n);
            }
            return n;
        } finally {
            descriptor.release();
        }
    }

    /** recv or recvfrom without blocking: the count, or minus the errno; counted and traced. */
    private long receiveOnce(int fd, MemorySegment buffer, long length, boolean from) {
        Scratch scratch = Scratch.current();
        long returned;
        if (from) {
            scratch.addressLength.set(ValueLayout.JAVA_INT, 0, Scratch.ADDRESS_ROOM);
            returned = Libc.recvfrom(fd, buffer, length, Libc.MSG_DONTWAIT, scratch.address, scratch.addressLength);
        } else {
            returned = Libc.recv(fd, buffer, length, Libc.MSG_DONTWAIT);
        }
        int errno = returned < 0 ? Libc.errno() : 0;
        if (returned >= 0) {
            recvCalls.incrementAndGet();
            bytesReceived.addAndGet(returned);
        }
        if (tracing()) {
            String data = returned < 0 ? "..." : Strace.bytes(buffer, returned);
            String shown = fd + ", " + data + ", " + length + ", MSG_DONTWAIT";
            if (from) {
                int addressLength = scratch.addressLength.get(ValueLayout.JAVA_INT, 0);
                SockAddr address = returned < 0 ? null : SockAddr.read(scratch.address, addressLength);
                shown += ", " + (address == null ? "NULL" : address.show()) + ", [" + addressLength + "]";
            }
            traced((from ? "recvfrom(" : "recv(") + shown + ")", returned, errno);
        }
        return returned < 0 ? -errno : returned;
    }

    // --- the rest -----------------------------------------------------------------------

    @Override
    public void shutdown(ShutdownHow how) throws SockError {
        int fd = descriptor.acquire();
        try {
            check(Libc.shutdown(fd, how.ordinal()), "shutdown", fd, how.name());
            shutRead |= how.reads();
            shutWrite |= how.writes();
        } finally {
            descriptor.release();
        }
    }

    /** Closes the socket; the descriptor itself goes back to the kernel once no call uses it. */
    @Override
    public void close() {
        descriptor.close();
    }

    private void closeNumber(int fd) {
        int returned = ProcessStarts.closing(() -> Libc.close(fd));
        int errno = returned < 0 ? Libc.errno() : 0;
        if (tracing()) {
            traced("close(" + fd + ")", returned, errno);
        }
    }

    @Override
    public void setsockopt(SockOption option, int value) throws SockError {
        MemorySegment raw = Scratch.current().option;
        raw.set(ValueLayout.JAVA_INT, 0, value);
        setOption(option, raw, 4, "[" + value + "]");
    }

    /** SO_LINGER's struct linger {l_onoff, l_linger}, as Python packs it with 'ii'. */
    @Override
    public void setLinger(boolean on, int seconds) throws SockError {
        MemorySegment raw = Scratch.current().option;
        raw.set(ValueLayout.JAVA_INT, 0, on ? 1 : 0);
        raw.set(ValueLayout.JAVA_INT, 4, seconds);
        setOption(SockOption.SO_LINGER, raw, 8, "{l_onoff=" + (on ? 1 : 0) + ", l_linger=" + seconds + "}");
    }

    private void setOption(SockOption option, MemorySegment value, int length, String shown) throws SockError {
        int level = level(option);
        int fd = descriptor.acquire();
        try {
            int returned = Libc.setsockopt(fd, level, optionName(option), value, length);
            check(returned, "setsockopt", fd, Strace.level(level) + ", " + option.name() + ", " + shown + ", " + length);
        } finally {
            descriptor.release();
        }
    }

    /** getsockopt with an int, as CPython's getsockopt(level, option) without a buffer size. */
    @Override
    public int getsockopt(SockOption option) throws SockError {
        int fd = descriptor.acquire();
        try {
            int failed = getOption(fd, level(option), optionName(option), option.name(), 4, true);
            if (failed < 0) {
                throw Errors.raised(-failed);
            }
            return Scratch.current().option.get(ValueLayout.JAVA_INT, 0);
        } finally {
            descriptor.release();
        }
    }

    /** getsockopt into this thread's option memory, where the value is then: 0, or minus the errno. */
    private int getOption(int fd, int level, int name, String shownName, int size, boolean traced) {
        Scratch scratch = Scratch.current();
        scratch.option.set(ValueLayout.JAVA_INT, 0, 0);
        scratch.optionLength.set(ValueLayout.JAVA_INT, 0, size);
        int returned = Libc.getsockopt(fd, level, name, scratch.option, scratch.optionLength);
        int errno = returned < 0 ? Libc.errno() : 0;
        if (traced && tracing()) {
            String value = returned < 0 ? "..." : "[" + scratch.option.get(ValueLayout.JAVA_INT, 0) + "]";
            traced("getsockopt(" + fd + ", " + Strace.level(level) + ", " + shownName + ", " + value + ", ["
                    + scratch.optionLength.get(ValueLayout.JAVA_INT, 0) + "])", returned, errno);
        }
        return returned < 0 ? -errno : 0;
    }

    @Override
    public LineFile makefile(String mode) throws SockError {
        return new LineFile(this, mode);
    }

    @Override
    public long bytesReceived() {
        return bytesReceived.get();
    }

    @Override
    public SockInfo info() {
        boolean closed = isClosed();
        Address local = null;
        Address peer = null;
        if (!closed) {
            try {
                local = name(true, false);
            } catch (SockError e) {
                local = null;
            }
            try {
                peer = name(false, false);
            } catch (SockError e) {
                peer = null;
            }
        }
        return new SockInfo(family, kind, closed ? SocketState.CLOSED : state(local, peer), local, peer, timeout,
                bytesSent.get(), bytesReceived.get(), sendCalls.get(), recvCalls.get());
    }

    /** The learner's name for where the socket is, from the kernel's TCP state (TCP_INFO). */
    private SocketState state(Address local, Address peer) {
        boolean bound = local != null && (family == Family.AF_UNIX ? !local.host().isEmpty() : local.port() != 0);
        boolean shut = shutRead || shutWrite;
        if (family == Family.AF_UNIX && kind == Kind.SOCK_STREAM && listenBacklog() >= 0) {
            return SocketState.LISTENING;
        }
        if (kind == Kind.SOCK_DGRAM || family == Family.AF_UNIX) {
            // No TCP_INFO here: an AF_UNIX stream is connected while it has a peer.
            return peer != null ? (shut ? SocketState.HALF_CLOSED : SocketState.CONNECTED)
                    : bound ? SocketState.BOUND : SocketState.FRESH;
        }
        int fd = descriptor.acquire();
        try {
            if (getOption(fd, Libc.IPPROTO_TCP, Libc.TCP_INFO, "TCP_INFO", 8, false) < 0) {
                return bound ? SocketState.BOUND : SocketState.FRESH;
            }
            int tcpState = Scratch.current().option.get(ValueLayout.JAVA_BYTE, 0);
            return switch (tcpState) {
                // ESTABLISHED, and CLOSE_WAIT (the peer shut its side, this one is whole).
                case 1, 8 -> shut ? SocketState.HALF_CLOSED : SocketState.CONNECTED;
                case 2, 3 -> SocketState.CONNECTING;
                case 10 -> SocketState.LISTENING;
                case 7 -> bound ? SocketState.BOUND : SocketState.FRESH;
                default -> SocketState.HALF_CLOSED;
            };
        } finally {
            descriptor.release();
        }
    }

    /** The last listen's backlog while the kernel says the socket listens (SO_ACCEPTCONN). */
    @Override
    public int listenBacklog() {
        int given = backlog;
        if (given < 0 || isClosed()) {
            return -1;
        }
        int fd = descriptor.acquire();
        try {
            if (fd < 0 || getOption(fd, Libc.SOL_SOCKET, Libc.SO_ACCEPTCONN, "SO_ACCEPTCONN", 4, false) < 0) {
                return -1;
            }
            return Scratch.current().option.get(ValueLayout.JAVA_INT, 0) != 0 ? given : -1;
        } finally {
            descriptor.release();
        }
    }

    // --- waits and tracing ----------------------------------------------------------------

    /**
     * CPython's sock_call_ex for a call that is not a connect: a timeout polls before each try
     * and retries on EAGAIN until the deadline; blocking tries first and waits only if the call
     * would block; nonblocking tries once.
     */
    private long underMode(int fd, int events, Attempt attempt) throws SockError {
        Double mode = timeout;
        if (mode == null) {
            while (true) {
                long result = attempt.run(fd);
                if (result != -Libc.EAGAIN || fd < 0) {
                    return result;
                }
                awaitReady(fd, events, Waits.FOREVER);
            }
        }
        if (mode == 0.0) {
            return attempt.run(fd);
        }
        long deadline = Waits.deadlineIn(mode);
        while (true) {
            if (fd >= 0 && !awaitReady(fd, events, deadline)) {
                throw SockError.timedOut();
            }
            long result = attempt.run(fd);
            if (result != -Libc.EAGAIN) {
                return result;
            }
        }
    }

    /**
     * Polls this socket for {@code events} until ready (true) or the deadline (false). As in
     * CPython, a deadline already past is a timeout without a poll: a socket that polls ready
     * but whose call would still block (a UDP socket shut for reading) times out.
     */
    private boolean awaitReady(int fd, int events, long deadline) throws SockError {
        return readiness(fd, events, deadline) != 0;
    }

    /** {@link #awaitReady}, telling what poll reported: its revents, 0 at the deadline. */
    private int readiness(int fd, int events, long deadline) throws SockError {
        if (deadline != Waits.FOREVER && System.nanoTime() - deadline > 0) {
            return 0;
        }
        MemorySegment set = Scratch.current().pollPair;
        PollSet.set(set, 0, fd, events);
        return Waits.poll(set, 1, self, deadline, trace) > 0 ? PollSet.revents(set, 0) : 0;
    }

    /** The descriptor that select and poll watch for this socket; hold it while they do. */
    Descriptor descriptor() {
        return descriptor;
    }

    TraceListener trace() {
        return trace;
    }

    private void check(int returned, String call, int fd, String args) throws SockError {
        int errno = returned < 0 ? Libc.errno() : 0;
        if (tracing()) {
            traced(call + "(" + fd + ", " + args + ")", returned, errno);
        }
        if (returned < 0) {
            throw Errors.raised(errno);
        }
    }

    private boolean tracing() {
        return trace.enabled();
    }

    private void traced(String call, long returned, int errno) {
        trace.syscall(call + " = " + Strace.result(returned, errno));
    }

    private static int af(Family family) {
        return switch (family) {
            case AF_INET -> Libc.AF_INET;
            case AF_INET6 -> Libc.AF_INET6;
            case AF_UNIX -> Libc.AF_UNIX;
        };
    }

    private static int level(SockOption option) {
        return option == SockOption.TCP_NODELAY ? Libc.IPPROTO_TCP : Libc.SOL_SOCKET;
    }

    private static int optionName(SockOption option) {
        return switch (option) {
            case SO_REUSEADDR -> Libc.SO_REUSEADDR;
            case SO_REUSEPORT -> Libc.SO_REUSEPORT;
            case SO_KEEPALIVE -> Libc.SO_KEEPALIVE;
            case SO_RCVBUF -> Libc.SO_RCVBUF;
            case SO_SNDBUF -> Libc.SO_SNDBUF;
            case SO_LINGER -> Libc.SO_LINGER;
            case SO_BROADCAST -> Libc.SO_BROADCAST;
            case SO_ERROR -> Libc.SO_ERROR;
            case TCP_NODELAY -> Libc.TCP_NODELAY;
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
