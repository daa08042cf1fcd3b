package io.sockshell.conversation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Records the calls of one run as they happen, from any number of threads: the parties of a
 * transcript, a shell's background jobs, the programs of a replay may all record into one
 * recorder, so their lifelines join into one conversation. Time is a counter that every
 * beginning and every end moves on by one.
 *
 * <p>A call is recorded within a {@link Scope}: one command of a shell, one call of a program.
 * The scope's beginning is its first call's, so a command sent to the background begins where
 * it was typed, not whenever its thread happens to get going; and the engine calls of one kind
 * on one socket that a command makes one after another are one call.
 */
public final class Recorder {
    /** The most bytes of a call's data kept for its preview. */
    public static final int PREVIEW_BYTES = 48;

    private long clock;
    private final List<Call> calls = new ArrayList<>();
    private final List<LifelineDraft> lifelines = new ArrayList<>();
    private final List<Conversation.Mark> marks = new ArrayList<>();
    private final List<Conversation.Command> commands = new ArrayList<>();
    private final List<Conversation.Note> notes = new ArrayList<>();

    /** One command or program call: what the calls made within it share. */
    public static final class Scope {
        private final String party;
        private final String name;
        private final Source source;
        private final boolean background;
        private final long begin;
        private boolean begun;
        private Draft last;

        private Scope(String party, String name, Source source, boolean background, long begin) {
            this.party = party;
            this.name = name;
            this.source = source;
            this.background = background;
            this.begin = begin;
        }

        public String party() {
            return party;
        }
    }

    /**
     * A call being made. The thread making it fills it in between {@link #begin} and
     * {@link #end}; the recorder publishes it at each end.
     */
    public static final class Draft {
        private final int id;
        private final Scope scope;
        private final int socket;
        private final Op op;
        private final String arguments;
        private final long begin;
        private long bytes;
        private byte[] preview;
        private int previewLength;
        private boolean endOfStream;
        private int created = -1;
        private Endpoint target;
        private String result;
        private String errorClass;
        private String error;
        private List<Integer> watched = List.of();
        private List<Integer> ready = List.of();
        private List<Integer> writable = List.of();
        private int engineCalls;

        private Draft(int id, Scope scope, int socket, Op op, String arguments, long begin) {
            this.id = id;
            this.scope = scope;
            this.socket = socket;
            this.op = op;
            this.arguments = arguments;
            this.begin = begin;
        }

        /** Bytes moved, of which the first go to the preview. */
        public void moved(byte[] data, int offset, int length) {
            bytes += length;
            if (length == 0 && op.receives()) {
                endOfStream = true;
            }
            int room = PREVIEW_BYTES - previewLength;
            if (room > 0 && length > 0) {
                if (preview == null) {
                    preview = new byte[PREVIEW_BYTES];
                }
                int taken = Math.min(room, length);
                System.arraycopy(data, offset, preview, previewLength, taken);
                previewLength += taken;
            }
        }

        /** Bytes moved whose contents nobody looked at (a bulk receive). */
        public void movedUnseen(long length) {
            bytes += length;
            if (length == 0 && op.receives()) {
                endOfStream = true;
            }
        }

        public void created(int lifeline) {
            created = lifeline;
        }

        public void target(Endpoint address) {
            target = address;
        }

        public void result(String text) {
            result = text;
        }

        /** The lifelines a select watched, and those of them it found ready to read and to write. */
        public void watched(List<Integer> lifelines, List<Integer> readable, List<Integer> writeable) {
            watched = List.copyOf(lifelines);
            ready = List.copyOf(readable);
            writable = List.copyOf(writeable);
        }

        public void failed(String pythonClass, String line) {
            errorClass = pythonClass;
            error = line;
        }

        private Call published(long end) {
            return new Call(id, begin, end, scope.party, socket, watched, ready, writable, op, scope.name,
                    arguments, bytes, preview == null ? null : Arrays.copyOf(preview, previewLength), endOfStream,
                    created, target, result, errorClass, error, scope.background, scope.source, engineCalls);
        }
    }

    private static final class LifelineDraft {
        final int id;
        final String party;
        final boolean stream;
        String name;
        Endpoint local;
        Endpoint peer;
        boolean listening;
        int acceptedFrom = -1;

        LifelineDraft(int id, String party, String name, boolean stream) {
            this.id = id;
            this.party = party;
            this.name = name;
            this.stream = stream;
        }

        Lifeline snapshot() {
            return new Lifeline(id, party, name, stream, local, peer, listening, acceptedFrom);
        }
    }

    /** A new lifeline for a socket of {@code party}; {@code name} may be null until it is named. */
    public synchronized int socket(String party, String name, boolean stream) {
        LifelineDraft lifeline = new LifelineDraft(lifelines.size(), party, name, stream);
        lifelines.add(lifeline);
        return lifeline.id;
    }

    public synchronized void named(int socket, String name) {
        lifelines.get(socket).name = name;
    }

    /** The addresses a socket has now; a null one is not known (yet) and changes nothing. */
    public synchronized void addresses(int socket, Endpoint local, Endpoint peer) {
        LifelineDraft lifeline = lifelines.get(socket);
        if (local != null) {
            lifeline.local = local;
        }
        if (peer != null) {
            lifeline.peer = peer;
        }
    }

    public synchronized void listening(int socket) {
        lifelines.get(socket).listening = true;
    }

    public synchronized void acceptedFrom(int socket, int listener) {
        lifelines.get(socket).acceptedFrom = listener;
    }

    /**
     * Begins a command of {@code party} named {@code name} ({@code recv}, {@code readline}), as
     * its caller wrote it in {@code text}, at {@code source} (null: the command's number).
     */
    public synchronized Scope scope(String party, String name, String text, Source source, boolean background) {
        Source at = source != null ? source : new Source(null, commands.size() + 1);
        Scope scope = new Scope(party, name, at, background, ++clock);
        commands.add(new Conversation.Command(party, text, at, scope.begin));
        return scope;
    }

    /** A scope for one engine call {@code call} made outside any command or program call (a program's {@code close}). */
    public synchronized Scope scope(String party, String call, Source source) {
        return new Scope(party, call, source, false, ++clock);
    }

    /**
     * Begins engine call {@code call} on lifeline {@code socket} within {@code scope}. The same
     * kind of call on the same socket right after another one of the scope continues it. Its
     * {@code arguments} are kept when the scope is that very call (a shell's {@code recv 1024}),
     * not when it is another that makes it (a file's {@code read}, whose recv sizes are its own).
     */
    public synchronized Draft begin(Scope scope, int socket, Op op, String call, String arguments) {
        Draft last = scope.last;
        if (last != null && last.socket == socket && last.op == op && op.merges()) {
            last.engineCalls++;
            return last;
        }
        long at = scope.begun ? ++clock : scope.begin;
        scope.begun = true;
        String shown = scope.name == null || scope.name.equals(call) ? arguments : "";
        Draft draft = new Draft(calls.size(), scope, socket, op, shown, at);
        draft.engineCalls = 1;
        scope.last = draft;
        calls.add(draft.published(-1));
        return draft;
    }

    public synchronized void end(Draft draft) {
        calls.set(draft.id, draft.published(++clock));
    }

    /** A line across the whole conversation at this moment, such as where a transcript stopped. */
    public synchronized void mark(String text) {
        marks.add(new Conversation.Mark(++clock, text));
    }

    /** A line across the whole conversation at logical time {@code at}: before whatever began then. */
    public synchronized void mark(String text, long at) {
        marks.add(new Conversation.Mark(at, text));
    }

    /**
     * A remark by {@code party} about lifeline {@code socket} (or, with -1, about the party) at
     * this moment, such as a change the kernel made to its socket.
     */
    public synchronized void note(String party, int socket, String text) {
        notes.add(new Conversation.Note(++clock, party, socket, text));
    }

    /** What has been recorded so far; calls still running show with no end. */
    public synchronized Conversation snapshot() {
        List<Lifeline> lines = new ArrayList<>(lifelines.size());
        for (LifelineDraft lifeline : lifelines) {
            lines.add(lifeline.snapshot());
        }
        return new Conversation(lines, List.copyOf(calls), List.copyOf(marks), List.copyOf(commands),
                List.copyOf(notes));
    }
}
