package io.sockshell.recording;

import io.sockshell.conversation.Endpoint;
import io.sockshell.conversation.Op;
import io.sockshell.conversation.Recorder;
import io.sockshell.engine.Accepted;
import io.sockshell.engine.Address;
import io.sockshell.engine.Datagram;
import io.sockshell.engine.Family;
import io.sockshell.engine.Kind;
import io.sockshell.engine.LineFile;
import io.sockshell.engine.PyBytes;
import io.sockshell.engine.PyRepr;
import io.sockshell.engine.ShutdownHow;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SockInfo;
import io.sockshell.engine.SockOption;
import io.sockshell.engine.SocketTable;

/**
 * A socket of a recording party: every call goes to the socket underneath, and while the party
 * records, the call is recorded with what it did. Queries that change nothing (getsockname,
 * gettimeout, info) are not recorded. A file made on it reads and writes through it, so its
 * reads are recorded as the receives they are.
 */
final class RecordingSock implements Sock {
    private final PartyRecording recording;
    private final Sock inner;
    private Recorder lifelineRecorder;
    private int lifeline = -1;

    /** What a recorded call returned, added to its draft. */
    @FunctionalInterface
    private interface Outcome<T> {
        void add(Recorder.Draft draft, T result);
    }

    RecordingSock(PartyRecording recording, Sock inner) {
        this.recording = recording;
        this.inner = inner;
    }

    PartyRecording recording() {
        return recording;
    }

    Sock inner() {
        return inner;
    }

    /** This socket's lifeline in {@code recorder}, made when the socket is first recorded there. */
    synchronized int lifeline(Recorder recorder) {
        if (lifelineRecorder != recorder) {
            lifelineRecorder = recorder;
            lifeline = recorder.socket(recording.party(), given(inner.label()), inner.kind() == Kind.SOCK_STREAM);
            addressesTo(recorder);
        }
        return lifeline;
    }

    /** A name someone gave the socket, or null for the engine's placeholder. */
    private static String given(String label) {
        return label != null && SocketTable.validName(label) ? label : null;
    }

    private void addressesTo(Recorder recorder) {
        recorder.addresses(lifeline, address(true), address(false));
    }

    /** The address a call names, as {@link PartyRecording#endpoint} shows it. */
    private Endpoint target(String host, int port) {
        return PartyRecording.endpoint(inner.family() == Family.AF_UNIX ? Address.unix(host == null ? "" : host)
                : new Address(inner.family(), host, port));
    }

    private Endpoint address(boolean local) {
        if (inner.isClosed()) {
            return null;
        }
        try {
            Address address = local ? inner.getsockname() : inner.getpeername();
            boolean unnamed = address.family() == Family.AF_UNIX ? address.host().isEmpty() : address.port() == 0;
            return unnamed && local ? null : PartyRecording.endpoint(address);
        } catch (SockError notThere) {
            return null;
        }
    }

    private <T> T record(Op op, String name, String arguments, PartyRecording.Body<T> body, Outcome<T> outcome)
            throws SockError {
        return record(op, name, arguments, null, body, outcome);
    }

    /** Records a call; {@code target}, the address it was given, stays recorded even if it fails. */
    private <T> T record(Op op, String name, String arguments, Endpoint target, PartyRecording.Body<T> body,
            Outcome<T> outcome) throws SockError {
        Recorder recorder = recording.recorder();
        if (recorder == null) {
            return body.run();
        }
        Recorder.Draft draft = recording.draft(recorder, lifeline(recorder), op, name, arguments);
        if (target != null) {
            draft.target(target);
        }
        try {
            T result = body.run();
            outcome.add(draft, result);
            return result;
        } catch (SockError e) {
            draft.failed(e.pythonClass(), e.pythonLine());
            e.sentBeforeInterrupt().ifPresent(draft::movedUnseen);
            throw e;
        } finally {
            recorder.end(draft);
        }
    }

    private void recordVoid(Op op, String name, String arguments, Action action) throws SockError {
        record(op, name, arguments, () -> {
            action.run();
            return null;
        }, (draft, nothing) -> { });
    }

    @FunctionalInterface
    private interface Action {
        void run() throws SockError;
    }

    /** After a call that may have given the socket addresses: the recorder learns them. */
    private void readdress() {
        Recorder recorder = recording.recorder();
        if (recorder != null) {
            lifeline(recorder);
            addressesTo(recorder);
        }
    }

    @Override
    public void bind(String host, int port) throws SockError {
        record(Op.BIND, "bind", "", target(host, port), () -> {
            inner.bind(host, port);
            readdress();
            return null;
        }, (draft, nothing) -> { });
    }

    @Override
    public void listen(int backlog) throws SockError {
        record(Op.LISTEN, "listen", Integer.toString(backlog), () -> {
            inner.listen(backlog);
            Recorder recorder = recording.recorder();
            if (recorder != null) {
                recorder.listening(lifeline(recorder));
                readdress();
            }
            return null;
        }, (draft, nothing) -> { });
    }

    @Override
    public Accepted accept() throws SockError {
        return record(Op.ACCEPT, "accept", "", () -> {
            Accepted accepted = inner.accept();
            return new Accepted(new RecordingSock(recording, accepted.socket()), accepted.peer());
        }, (draft, accepted) -> {
            Recorder recorder = recording.recorder();
            if (recorder != null) {
                RecordingSock conn = (RecordingSock) accepted.socket();
                int created = conn.lifeline(recorder);
                recorder.acceptedFrom(created, lifeline(recorder));
                recorder.addresses(created, conn.address(true), PartyRecording.endpoint(accepted.peer()));
                draft.created(created);
                draft.target(PartyRecording.endpoint(accepted.peer()));
            }
        });
    }

    @Override
    public void connect(String host, int port) throws SockError {
        record(Op.CONNECT, "connect", "", target(host, port), () -> {
            try {
                inner.connect(host, port);
                return null;
            } finally {
                readdress();
            }
        }, (draft, nothing) -> { });
    }

    @Override
    public int connectEx(String host, int port) throws SockError {
        return record(Op.CONNECT, "connect_ex", "", target(host, port), () -> {
            try {
                return inner.connectEx(host, port);
            } finally {
                readdress();
            }
        }, (draft, errno) -> draft.result(errno.toString()));
    }

    @Override
    public int send(PyBytes data) throws SockError {
        return record(Op.SEND, "send", "", () -> inner.send(data), (draft, sent) -> moved(draft, data, sent));
    }

    @Override
    public void sendall(PyBytes data) throws SockError {
        record(Op.SEND, "sendall", "", () -> {
            inner.sendall(data);
            return data.length();
        }, (draft, sent) -> moved(draft, data, sent));
    }

    @Override
    public int sendto(PyBytes data, String host, int port) throws SockError {
        // A first sendto binds the socket to an ephemeral port, which the recorder learns.
        return record(Op.SENDTO, "sendto", "", target(host, port), () -> inner.sendto(data, host, port),
                (draft, sent) -> {
                    moved(draft, data, sent);
                    readdress();
                });
    }

    @Override
    public PyBytes recv(int bufsize) throws SockError {
        return record(Op.RECV, "recv", Integer.toString(bufsize), () -> inner.recv(bufsize),
                (draft, data) -> moved(draft, data, data.length()));
    }

    @Override
    public int recvLength(int bufsize) throws SockError {
        return record(Op.RECV, "recv", Integer.toString(bufsize), () -> inner.recvLength(bufsize),
                (draft, length) -> draft.movedUnseen(length));
    }

    @Override
    public Datagram recvfrom(int bufsize) throws SockError {
        return record(Op.RECVFROM, "recvfrom", Integer.toString(bufsize), () -> inner.recvfrom(bufsize),
                (draft, datagram) -> {
                    moved(draft, datagram.data(), datagram.data().length());
                    draft.target(PartyRecording.endpoint(datagram.from()));
                });
    }

    private static void moved(Recorder.Draft draft, PyBytes data, int length) {
        int shown = Math.min(length, Recorder.PREVIEW_BYTES);
        draft.moved(data.slice(0, shown).toArray(), 0, shown);
        if (length > shown) {
            draft.movedUnseen(length - shown);
        }
    }

    @Override
    public void setblocking(boolean blocking) throws SockError {
        recordVoid(Op.MODE, "setblocking", blocking ? "1" : "0", () -> inner.setblocking(blocking));
    }

    @Override
    public void settimeout(Double seconds) throws SockError {
        recordVoid(Op.MODE, "settimeout", PyRepr.of(seconds), () -> inner.settimeout(seconds));
    }

    @Override
    public void shutdown(ShutdownHow how) throws SockError {
        recordVoid(Op.SHUTDOWN, "shutdown", how.name(), () -> inner.shutdown(how));
    }

    @Override
    public void close() {
        Recorder recorder = recording.recorder();
        if (recorder == null || inner.isClosed()) {
            inner.close();
            return;
        }
        Recorder.Draft draft = recording.draft(recorder, lifeline(recorder), Op.CLOSE, "close", "");
        try {
            inner.close();
        } finally {
            recorder.end(draft);
        }
    }

    @Override
    public void setsockopt(SockOption option, int value) throws SockError {
        recordVoid(Op.OPTION, "setsockopt", option.name() + " " + value, () -> inner.setsockopt(option, value));
    }

    @Override
    public void setLinger(boolean on, int seconds) throws SockError {
        recordVoid(Op.OPTION, "setsockopt", "SO_LINGER " + (on ? 1 : 0) + " " + seconds,
                () -> inner.setLinger(on, seconds));
    }

    @Override
    public LineFile makefile(String mode) throws SockError {
        // As the engine's makefile, but over this socket, so the file's reads and writes are recorded.
        return record(Op.MAKEFILE, "makefile", PyRepr.str(mode), () -> new LineFile(this, mode), (draft, file) -> { });
    }

    // Queries: they change nothing on the wire, so they are not part of the conversation.

    @Override
    public Family family() {
        return inner.family();
    }

    @Override
    public Kind kind() {
        return inner.kind();
    }

    @Override
    public String label() {
        return inner.label();
    }

    @Override
    public void label(String label) {
        inner.label(label);
        Recorder recorder = recording.recorder();
        if (recorder != null) {
            recorder.named(lifeline(recorder), given(label));
        }
    }

    @Override
    public Double gettimeout() {
        return inner.gettimeout();
    }

    @Override
    public boolean isClosed() {
        return inner.isClosed();
    }

    @Override
    public Address getsockname() throws SockError {
        return inner.getsockname();
    }

    @Override
    public Address getpeername() throws SockError {
        return inner.getpeername();
    }

    @Override
    public int fileno() throws SockError {
        return inner.fileno();
    }

    @Override
    public int getsockopt(SockOption option) throws SockError {
        return inner.getsockopt(option);
    }

    @Override
    public SockInfo info() {
        return inner.info();
    }

    @Override
    public long bytesReceived() {
        return inner.bytesReceived();
    }

    @Override
    public int listenBacklog() {
        return inner.listenBacklog();
    }
}
