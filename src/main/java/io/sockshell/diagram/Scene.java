package io.sockshell.diagram;

import io.sockshell.conversation.Call;
import io.sockshell.conversation.Conversation;
import io.sockshell.conversation.Endpoint;
import io.sockshell.conversation.Lifeline;
import io.sockshell.conversation.Op;
import io.sockshell.conversation.Source;
import io.sockshell.engine.PyRepr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A conversation as a sequence diagram, before any format draws it: one column per socket,
 * grouped by party; one row per moment, in the conversation's logical order, with a blocked
 * call's end placed right after what released it; runs of repeated exchanges folded into
 * loops. Every text in it is printable (control characters escaped); each format escapes its
 * own markup.
 */
public final class Scene {
    /** One socket's column. */
    public record Column(String party, String name) {
    }

    /** How a message's line is drawn: data and handshakes solid, an orderly end dashed, a reset crossed. */
    public enum Line { DATA, CONNECT, FIN, RST }

    /** How a label on one lifeline reads: a call, its result after a wait, a failure. */
    public enum Kind { CALL, RESULT, ERROR }

    /** One row of the diagram. */
    public sealed interface Row permits Message, Local, Note, LoopStart, LoopEnd, Mark {
        /** The step or snippet it came from, or null. */
        Source source();
    }

    /** A message from one column to another. */
    public record Message(int from, int to, Label label, Line line, Source source) implements Row {
    }

    /** A label on one column. */
    public record Local(int column, Label label, Kind kind, Source source) implements Row {
    }

    /**
     * A remark over columns {@code first} to {@code last}: one socket's, or all of a party's
     * when it is about none of them (what the kernel changed, while the kernel view is on).
     */
    public record Note(int first, int last, Label label, Source source) implements Row {
    }

    /** The start of a loop: the rows up to its {@link LoopEnd} happened {@code times} times. */
    public record LoopStart(int times, String summary, Source source) implements Row {
    }

    public record LoopEnd(Source source) implements Row {
    }

    /** A line across every column, such as where a transcript stopped. */
    public record Mark(String text, Source source) implements Row {
    }

    /** A column's state on a row. */
    public enum State { ABSENT, ALIVE, ACTIVE }

    /** Runs shorter than this many repetitions are not folded. */
    private static final int FOLD_MIN_TIMES = 3;
    /** The longest exchange, in rows, that folding looks for. */
    private static final int FOLD_MAX_ROWS = 8;

    private final List<Column> columns;
    private final List<Row> rows;
    /** For each column: the first row it is drawn on, and the row it is closed on (or -1). */
    private final int[] firstRow;
    private final int[] closeRow;
    /** For each column: pairs of rows (from, to inclusive) in which a call of it was blocked. */
    private final List<List<int[]>> active;

    private Scene(List<Column> columns, List<Row> rows, int[] firstRow, int[] closeRow, List<List<int[]>> active) {
        this.columns = columns;
        this.rows = rows;
        this.firstRow = firstRow;
        this.closeRow = closeRow;
        this.active = active;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The parties with the first and last column of each, in column order. */
    public Map<String, int[]> parties() {
        Map<String, int[]> parties = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            int column = i;
            parties.computeIfAbsent(columns.get(i).party(), unused -> new int[] {column, column})[1] = i;
        }
        return parties;
    }

    /** Whether column {@code column} exists yet (and not closed) on row {@code row}, and whether it is blocked. */
    public State state(int column, int row) {
        if (firstRow[column] < 0 || row < firstRow[column] || (closeRow[column] >= 0 && row > closeRow[column])) {
            return State.ABSENT;
        }
        for (int[] span : active.get(column)) {
            if (row >= span[0] && row <= span[1]) {
                return State.ACTIVE;
            }
        }
        return State.ALIVE;
    }

    /** The blocked spans of a column, each {@code {fromRow, toRow}} inclusive. */
    public List<int[]> activeSpans(int column) {
        return active.get(column);
    }

    /** The first row a column is drawn on, or -1 if none. */
    public int firstRow(int column) {
        return firstRow[column];
    }

    /** The row a column's socket is closed on, or -1 if it never is. */
    public int closeRow(int column) {
        return closeRow[column];
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The scene of a conversation; {@code stablePorts} names ports PORT, EPH1, ... so runs compare equal. */
    public static Scene of(Conversation conversation, boolean stablePorts) {
        return new Builder(conversation, stablePorts).build();
    }

    /** Where a call's moments go in the order of rows. */
    private record Key(long tick, int depth, int call) {
        static final Comparator<Key> ORDER = Comparator.comparingLong(Key::tick).thenComparingInt(Key::depth)
                .thenComparingInt(Key::call);
    }

    /** What a moment is of its call: all of it, the start or the end of a wait; or a mark or a note. */
    private enum Role { ONLY, START, END, MARK, NOTE }

    /**
     * A row before folding: its place, its call and what of it the row shows. Its row is made
     * only if it is drawn, so a folded run of 100,000 exchanges makes the labels of one.
     */
    private record Moment(Key key, Call call, Role role, int column, int lastColumn, String text) {
        int startsWait() {
            return role == Role.START ? call.id() : -1;
        }

        int endsWait() {
            return role == Role.END ? call.id() : -1;
        }

        boolean closes() {
            return (role == Role.ONLY || role == Role.END) && call.op() == Op.CLOSE && !call.failed();
        }
    }

    /** What makes two moments the same row but for their data: everything their labels say besides the preview. */
    private record Shape(int column, int counterpart, Op op, String name, String arguments, long bytes,
            boolean endOfStream, String error, Endpoint target, int created, boolean reset) {
    }

    private static final class Builder {
        private final Conversation conversation;
        private final Ports ports;
        private final Map<Integer, Integer> columnOf = new HashMap<>();
        /** Each party's first and last column, by the party's name as recorded. */
        private final Map<String, int[]> partyColumns = new HashMap<>();
        private final List<Column> columns = new ArrayList<>();
        private final Map<Integer, Key> effectKeys = new HashMap<>();

        Builder(Conversation conversation, boolean stablePorts) {
            this.conversation = conversation;
            this.ports = new Ports(conversation, stablePorts);
        }

        Scene build() {
            makeColumns();
            List<Moment> moments = new ArrayList<>();
            for (Call call : conversation.calls()) {
                addMoments(call, moments);
            }
            for (Conversation.Mark mark : conversation.marks()) {
                moments.add(new Moment(new Key(mark.at(), 0, -1), null, Role.MARK, -1, -1, Escape.controls(mark.text())));
            }
            for (Conversation.Note note : conversation.notes()) {
                int[] span = note.socket() >= 0 ? new int[] {column(note.socket()), column(note.socket())}
                        : partyColumns.get(note.party());
                if (span != null && span[0] >= 0) {
                    moments.add(new Moment(new Key(note.at(), 0, -1), null, Role.NOTE, span[0], span[1],
                            Escape.controls(note.text())));
                }
            }
            moments.sort((a, b) -> Key.ORDER.compare(a.key(), b.key()));
            return fold(moments);
        }

        private void makeColumns() {
            Map<String, List<Lifeline>> byParty = new LinkedHashMap<>();
            for (Lifeline lifeline : conversation.lifelines()) {
                byParty.computeIfAbsent(lifeline.party(), unused -> new ArrayList<>()).add(lifeline);
            }
            for (Map.Entry<String, List<Lifeline>> party : byParty.entrySet()) {
                Map<String, Integer> seen = new HashMap<>();
                long unnamedAccepted = party.getValue().stream()
                        .filter(lifeline -> lifeline.name() == null && lifeline.acceptedFrom() >= 0).count();
                long unnamedOthers = party.getValue().stream()
                        .filter(lifeline -> lifeline.name() == null && lifeline.acceptedFrom() < 0).count();
                int accepted = 0;
                int others = 0;
                for (Lifeline lifeline : serverSideFirst(party.getValue())) {
                    String name = lifeline.name();
                    if (name == null && lifeline.acceptedFrom() >= 0) {
                        name = unnamedAccepted == 1 ? "conn" : "conn" + (++accepted);
                    } else if (name == null) {
                        name = unnamedOthers == 1 ? "s" : "s" + (++others);
                    }
                    int times = seen.merge(name, 1, Integer::sum);
                    partyColumns.computeIfAbsent(party.getKey(), unused -> new int[] {columns.size(), 0})[1] = columns.size();
                    columnOf.put(lifeline.id(), columns.size());
                    columns.add(new Column(Escape.controls(party.getKey()),
                            Escape.controls(times == 1 ? name : name + "#" + times)));
                }
            }
        }

        /**
         * A party's lifelines in the order they were first used, except that the sockets a
         * listener accepted follow it, so a server's connections stand beside their listener.
         */
        private static List<Lifeline> serverSideFirst(List<Lifeline> lifelines) {
            List<Lifeline> ordered = new ArrayList<>(lifelines.size());
            Map<Integer, List<Lifeline>> acceptedBy = new HashMap<>();
            for (Lifeline lifeline : lifelines) {
                if (lifeline.acceptedFrom() >= 0) {
                    acceptedBy.computeIfAbsent(lifeline.acceptedFrom(), unused -> new ArrayList<>()).add(lifeline);
                }
            }
            java.util.Set<Integer> placed = new java.util.HashSet<>();
            for (Lifeline lifeline : lifelines) {
                if (lifeline.acceptedFrom() >= 0 && placed.contains(lifeline.acceptedFrom())) {
                    continue;
                }
                ordered.add(lifeline);
                placed.add(lifeline.id());
                for (Lifeline accepted : acceptedBy.getOrDefault(lifeline.id(), List.of())) {
                    ordered.add(accepted);
                    placed.add(accepted.id());
                }
            }
            return ordered;
        }

        private int column(int lifeline) {
            return lifeline < 0 ? -1 : columnOf.getOrDefault(lifeline, -1);
        }

        private String name(int lifeline) {
            int column = column(lifeline);
            return column < 0 ? "?" : columns.get(column).name();
        }

        /** Where a call took effect: its end if it blocked receiving, else its start. */
        private Key effectKey(Call call) {
            Key known = effectKeys.get(call.id());
            if (known != null) {
                return known;
            }
            Key key = conversation.blocked(call) && call.op().receives() ? endKey(call) : new Key(call.begin(), 0, call.id());
            effectKeys.put(call.id(), key);
            return key;
        }

        private Key endKey(Call call) {
            Call releaser = conversation.releasedBy(call);
            if (releaser != null) {
                Key after = effectKey(releaser);
                return new Key(after.tick(), after.depth() + 1, call.id());
            }
            return new Key(call.end(), 0, call.id());
        }

        private void addMoments(Call call, List<Moment> moments) {
            int column = column(call.socket());
            if (column < 0) {
                return;
            }
            Key start = new Key(call.begin(), 0, call.id());
            if (!conversation.blocked(call)) {
                moments.add(new Moment(start, call, Role.ONLY, column, column, null));
                return;
            }
            moments.add(new Moment(start, call, Role.START, column, column, null));
            if (call.finished()) {
                moments.add(new Moment(endKey(call), call, Role.END, column, column, null));
            }
        }

        /** The row a moment is drawn as. */
        private Row rowOf(Moment moment) {
            Call call = moment.call();
            if (moment.role() == Role.MARK) {
                return new Mark(moment.text(), null);
            }
            if (moment.role() == Role.NOTE) {
                return new Note(moment.column(), moment.lastColumn(), Label.of(moment.text()), null);
            }
            int column = moment.column();
            int counterpart = column(conversation.counterpart(call));
            Source source = call.source();
            boolean sendsTo = call.op().sends() && counterpart >= 0;
            return switch (moment.role()) {
                case START -> sendsTo ? new Message(column, counterpart, label(call), Line.DATA, source)
                        : new Local(column, called(call).then(" (blocks)"), Kind.CALL, source);
                case END -> sendsTo ? new Local(column, Label.of("→ " + Escape.controls(call.name()) + " done"), Kind.RESULT,
                        source) : row(call, column, counterpart, source, true);
                default -> row(call, column, counterpart, source, false);
            };
        }

        /** The row of a call that did not wait, or of the end of one that did ({@code afterWait}). */
        private Row row(Call call, int column, int counterpart, Source source, boolean afterWait) {
            if (call.failed()) {
                return new Local(column, called(call).then(" ✗ " + Escape.controls(call.error())), Kind.ERROR, source);
            }
            Kind local = afterWait ? Kind.RESULT : Kind.CALL;
            switch (call.op()) {
                case CONNECT:
                    Label connect = called(call).then(" " + target(call));
                    return counterpart >= 0 ? new Message(column, counterpart, connect, Line.CONNECT, source)
                            : new Local(column, connect, local, source);
                case SEND:
                case SENDTO:
                    if (counterpart >= 0) {
                        return new Message(column, counterpart, label(call), Line.DATA, source);
                    }
                    return new Local(column, call.target() == null ? label(call) : label(call).then(" → " + target(call)),
                            local, source);
                case SHUTDOWN:
                    if (counterpart >= 0 && call.arguments().contains("WR")) {
                        return new Message(column, counterpart, called(call).then(" (FIN)"), Line.FIN, source);
                    }
                    return new Local(column, called(call), local, source);
                case CLOSE:
                    if (counterpart >= 0) {
                        boolean reset = conversation.reset(call);
                        return new Message(column, counterpart, called(call).then(reset ? " (RST)" : " (FIN)"),
                                reset ? Line.RST : Line.FIN, source);
                    }
                    return new Local(column, called(call), local, source);
                default:
                    return new Local(column, label(call), local, source);
            }
        }

        /** The call as its caller named it, with its arguments, and what it is at bottom if its name does not say. */
        private static Label called(Call call) {
            String verb = Escape.controls(call.name());
            if (call.op() == Op.SEND && !SENDING_NAMES.contains(call.name())) {
                verb += " (send)";
            } else if (call.op() == Op.RECV && !RECEIVING_NAMES.contains(call.name())) {
                verb += " (recv)";
            }
            return new Label(verb, Escape.controls(call.arguments()), "", null);
        }

        private static final java.util.Set<String> SENDING_NAMES = java.util.Set.of("send", "sendall", "write",
                "writelines", "flush");
        private static final java.util.Set<String> RECEIVING_NAMES = java.util.Set.of("recv", "read", "readline",
                "readlines");

        private Label label(Call call) {
            Label called = called(call);
            return switch (call.op()) {
                case SEND, SENDTO -> data(called.then(" " + size(call.bytes())), call);
                case RECV, RECVFROM -> {
                    String from = call.op() == Op.RECVFROM && call.target() != null ? " from " + endpoint(call.target()) : "";
                    if (call.bytes() == 0) {
                        yield called.then(" → b''" + (call.endOfStream() ? " (EOF)" : "") + from);
                    }
                    Label got = called.then(" → " + size(call.bytes()) + from + (call.endOfStream() ? ", then b''" : ""));
                    yield data(got, call);
                }
                case BIND -> called.then(" → " + address(conversation.lifeline(call.socket()).local(), call.target()));
                case ACCEPT -> called.then(" → " + name(call.created())
                        + (call.target() == null ? "" : " " + endpoint(call.target())));
                case SELECT -> new Label(called.verb() + " " + names(call.watched()), called.arguments(),
                        call.finished() ? " → (" + names(call.ready()) + ", " + names(call.writable()) + ", [])" : "",
                        null);
                default -> called.then(call.result() == null ? "" : " → " + Escape.controls(call.result()));
            };
        }

        private String names(List<Integer> lifelines) {
            List<String> names = new ArrayList<>();
            for (int lifeline : lifelines) {
                names.add(name(lifeline));
            }
            return names.toString();
        }

        private static Label data(Label label, Call call) {
            if (call.preview() == null || call.preview().length == 0) {
                return label;
            }
            String repr = PyRepr.bytes(call.preview(), 0, call.preview().length);
            if (call.bytes() > call.preview().length) {
                repr = repr.substring(0, repr.length() - 1) + "…";
            }
            return label.withData(repr);
        }

        private static String size(long bytes) {
            return bytes + " B";
        }

        private String target(Call call) {
            return call.target() == null ? "" : endpoint(call.target());
        }

        private String address(Endpoint bound, Endpoint requested) {
            Endpoint shown = bound != null ? bound : requested;
            return shown == null ? "?" : endpoint(shown);
        }

        private String endpoint(Endpoint endpoint) {
            return Escape.controls(ports.hostPort(endpoint));
        }

        /** Lays the moments out as rows, folding runs of repeated exchanges into loops. */
        private Scene fold(List<Moment> moments) {
            int[] signatures = signatures(moments);
            List<Row> rows = new ArrayList<>();
            int[] firstRow = new int[columns.size()];
            int[] closeRow = new int[columns.size()];
            java.util.Arrays.fill(firstRow, -1);
            java.util.Arrays.fill(closeRow, -1);
            Map<Integer, int[]> waitStarts = new HashMap<>();
            List<List<int[]>> active = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                active.add(new ArrayList<>());
            }
            int i = 0;
            while (i < moments.size()) {
                int[] run = repetition(signatures, i);
                if (run != null && hasCall(moments, i, run[0])) {
                    int length = run[0];
                    int times = run[1];
                    List<Row> body = new ArrayList<>();
                    for (int j = i; j < i + length; j++) {
                        body.add(rowOf(moments.get(j)));
                    }
                    boolean sameData = sameData(moments, i, length, times);
                    rows.add(new LoopStart(times, summary(body), body.get(0).source()));
                    for (int j = 0; j < length; j++) {
                        Row row = sameData ? body.get(j) : withoutData(body.get(j));
                        place(moments.get(i + j), row, rows, firstRow, closeRow, waitStarts, active);
                    }
                    rows.add(new LoopEnd(body.get(length - 1).source()));
                    // Every repetition touches the same columns; a close inside would be on the last one.
                    for (int j = i + length; j < i + length * times; j++) {
                        Moment later = moments.get(j);
                        if (later.closes() && later.column() >= 0) {
                            closeRow[later.column()] = rows.size() - 2;
                        }
                    }
                    i += length * times;
                } else {
                    place(moments.get(i), rowOf(moments.get(i)), rows, firstRow, closeRow, waitStarts, active);
                    i++;
                }
            }
            // Waits that had not ended when the conversation was recorded run to the last row.
            for (int[] open : waitStarts.values()) {
                active.get(open[1]).add(new int[] {open[0], rows.size() - 1});
            }
            return new Scene(List.copyOf(columns), List.copyOf(rows), firstRow, closeRow, active);
        }

        private static void place(Moment moment, Row row, List<Row> rows, int[] firstRow, int[] closeRow,
                Map<Integer, int[]> waitStarts, List<List<int[]>> active) {
            int index = rows.size();
            rows.add(row);
            for (int column : touched(row)) {
                if (firstRow[column] < 0) {
                    firstRow[column] = index;
                }
            }
            if (moment.closes() && moment.column() >= 0) {
                closeRow[moment.column()] = index;
            }
            if (moment.startsWait() >= 0) {
                waitStarts.put(moment.startsWait(), new int[] {index, moment.column()});
            }
            if (moment.endsWait() >= 0) {
                int[] from = waitStarts.remove(moment.endsWait());
                if (from != null) {
                    active.get(moment.column()).add(new int[] {from[0], index});
                }
            }
        }

        private static int[] touched(Row row) {
            if (row instanceof Message message) {
                return new int[] {message.from(), message.to()};
            }
            if (row instanceof Local local) {
                return new int[] {local.column()};
            }
            return new int[0];
        }

        /**
         * Each moment's shape as a number: equal numbers for rows that differ only in their data
         * preview and source, and for notes of one text on the same columns. A moment that starts
         * or ends a wait, and a mark, is unique, so no loop folds them.
         */
        private int[] signatures(List<Moment> moments) {
            Map<Object, Integer> ids = new HashMap<>();
            int[] signatures = new int[moments.size()];
            for (int i = 0; i < moments.size(); i++) {
                Moment moment = moments.get(i);
                if (moment.role() == Role.NOTE) {
                    List<Object> shape = List.of(moment.column(), moment.lastColumn(), moment.text());
                    signatures[i] = ids.computeIfAbsent(shape, unused -> ids.size());
                    continue;
                }
                if (moment.role() != Role.ONLY) {
                    signatures[i] = -1 - i;
                    continue;
                }
                Call call = moment.call();
                Shape shape = new Shape(moment.column(), conversation.counterpart(call), call.op(), call.name(),
                        call.arguments(), call.bytes(), call.endOfStream(), call.error(), call.target(), call.created(),
                        call.op() == Op.CLOSE && conversation.reset(call));
                signatures[i] = ids.computeIfAbsent(shape, unused -> ids.size());
            }
            return signatures;
        }

        /** The longest-covering run from {@code at}: {length, times}, or null if none repeats enough. */
        private static int[] repetition(int[] signatures, int at) {
            if (signatures[at] < 0) {
                return null;
            }
            int[] best = null;
            for (int length = 1; length <= FOLD_MAX_ROWS && at + length * FOLD_MIN_TIMES <= signatures.length; length++) {
                int times = 1;
                while (at + (times + 1) * length <= signatures.length
                        && sameRun(signatures, at, at + times * length, length)) {
                    times++;
                }
                if (times >= FOLD_MIN_TIMES && (best == null || times * length > best[0] * best[1])) {
                    best = new int[] {length, times};
                }
            }
            return best;
        }

        private static boolean sameRun(int[] signatures, int first, int other, int length) {
            for (int k = 0; k < length; k++) {
                if (signatures[first + k] != signatures[other + k] || signatures[first + k] < 0) {
                    return false;
                }
            }
            return true;
        }

        /** Whether a run of moments holds a call: notes alone are not folded into a loop. */
        private static boolean hasCall(List<Moment> moments, int at, int length) {
            for (int k = at; k < at + length; k++) {
                if (moments.get(k).call() != null) {
                    return true;
                }
            }
            return false;
        }

        /** Whether every repetition moved the same bytes, so the first one's previews stand for all. */
        private static boolean sameData(List<Moment> moments, int at, int length, int times) {
            for (int k = 0; k < length; k++) {
                if (moments.get(at + k).call() == null) {
                    continue;
                }
                byte[] first = moments.get(at + k).call().preview();
                for (int t = 1; t < times; t++) {
                    if (!java.util.Arrays.equals(first, moments.get(at + t * length + k).call().preview())) {
                        return false;
                    }
                }
            }
            return true;
        }

        private static Row withoutData(Row row) {
            if (row instanceof Message message) {
                return new Message(message.from(), message.to(), message.label().withoutData(), message.line(),
                        message.source());
            }
            if (row instanceof Local local) {
                return new Local(local.column(), local.label().withoutData(), local.kind(), local.source());
            }
            return row;
        }

        private static String summary(List<Row> body) {
            List<String> parts = new ArrayList<>();
            for (Row row : body) {
                if (row instanceof Message message) {
                    parts.add(message.label().head());
                } else if (row instanceof Local local) {
                    parts.add(local.label().head());
                }
            }
            return String.join(", ", parts);
        }
    }
}
