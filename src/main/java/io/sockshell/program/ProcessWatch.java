package io.sockshell.program;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The processes of one program and their threads, as the kernel shows them in {@code /proc}.
 *
 * <p>The program leads a session and a process group of its own (its pid is both ids). Its
 * processes are the members of that session or group and every descendant of one; a process
 * that leaves both (a daemon's {@code setsid}) and whose parent has ended is no longer watched
 * for quiet, though {@code close} still ends it (it carries the program's token).
 *
 * <p>They are found again only when a process may have been created since the last time: the
 * kernel's last allocated pid ({@code /proc/loadavg}, which counts threads too) has moved, or
 * the last scan missed a pid allocated before it (a process still being created; see
 * {@link #scanIfNeeded}). It is read before each scan and at the start of each look, so a look
 * that finds it unchanged and nothing missed knows of every process that existed when it
 * began. A scan reads the stat of each pid allocated since the last one ({@link #scanNew});
 * only the first, and one after a wrap of the pids or a burst, reads every process's, about a
 * millisecond for a hundred: on a busy machine the last pid moves between most looks.
 *
 * <p>Not thread-safe: its owner ({@link Program}) calls it under its lock.
 */
final class ProcessWatch implements AutoCloseable {
    private static final Path LOADAVG = Path.of("/proc/loadavg");

    /**
     * One look at every thread, in order: whether each waits for something outside the program,
     * and how many times each has been scheduled. Two looks in which every thread waits, with
     * the same threads, each scheduled as often as before, prove the program was quiet between
     * them: no thread ran, none was woken (a woken thread shows R), and none was created. A
     * thread that waits on a timer at both looks may have run in between ({@link TimedWaits}).
     *
     * @param notWaiting why this look does not find the whole program waiting (a thread
     *     running, a process begun or ended since the last look), or null when it does
     */
    record Look(String notWaiting, List<ThreadLook> threads) {
        boolean waiting() {
            return notWaiting == null;
        }

        /**
         * What happened between {@code other} and this look, or null when nothing did: the same
         * threads, each scheduled as often as before, except a thread on a timer that waits in
         * the same place at both looks. {@code homes} are the places each thread has waited in
         * when the program was quiet; a thread on a timer somewhere else is doing something new
         * (a JVM's exit polls with a timer too), and the program is not quiet while it does.
         */
        String changeSince(Look other, Map<Integer, Set<String>> homes) {
            if (other.threads.size() != threads.size()) {
                return "its threads changed (" + other.threads.size() + ", then " + threads.size() + ")";
            }
            for (int i = 0; i < threads.size(); i++) {
                ThreadLook now = threads.get(i);
                ThreadLook before = other.threads.get(i);
                if (now.tid() != before.tid() || now.pid() != before.pid()) {
                    return "its threads changed (" + before.who() + ", then " + now.who() + ")";
                }
                if (now.awayFrom(homes) || before.awayFrom(homes)) {
                    return now.who() + " waits on a timer in a new place (" + now.location() + ")";
                }
                boolean onTheSameTimer = now.timed() && before.timed() && now.location().equals(before.location());
                if (now.scheduled() != before.scheduled() && !onTheSameTimer) {
                    return now.who() + " was woken (" + (now.scheduled() - before.scheduled()) + " times between two looks"
                            + (before.location().isEmpty() ? "" : ", waiting in " + before.location()) + ")";
                }
            }
            return null;
        }

        /** Whether a thread waits reading standard input: the pipe to it is empty, and a line fits. */
        boolean readingStandardInput() {
            for (ThreadLook thread : threads) {
                if (thread.location().equals(TimedWaits.READING_STANDARD_INPUT)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The homes of the next quiet check, this look being quiet: each live thread's earlier
         * homes and the place it waits in now. A place is added only when the kernel said where
         * the thread waits: a thread that woke between the reads of its stat and its syscall
         * shows no place, and a home of no place would make every later timer look new.
         */
        Map<Integer, Set<String>> homesWith(Map<Integer, Set<String>> homes) {
            Map<Integer, Set<String>> next = new HashMap<>();
            for (ThreadLook thread : threads) {
                Set<String> places = new HashSet<>(homes.getOrDefault(thread.tid(), Set.of()));
                if (!thread.location().isEmpty()) {
                    places.add(thread.location());
                }
                next.put(thread.tid(), places);
            }
            return next;
        }

        boolean empty() {
            return threads.isEmpty();
        }
    }

    /**
     * One thread at one look: its state, CPU time and times scheduled, and whether it waits
     * with a timeout; also what a message about a program that never went quiet needs.
     */
    record ThreadLook(int pid, int tid, String name, char state, long cpuTicks, long scheduled, boolean timed,
            String location) {
        /** On a timer somewhere it never waited in when the program was quiet (a thread new since then has no homes). */
        boolean awayFrom(Map<Integer, Set<String>> homes) {
            Set<String> places = homes.get(tid);
            return timed && places != null && !places.isEmpty() && !places.contains(location);
        }

        /** The thread in a message: its name and process, and its own id when that differs. */
        String who() {
            return name + " [" + pid + (tid == pid ? "" : "/" + tid) + "]";
        }
    }

    private final int leader;
    private final ProcFile loadavg;
    /** The program's processes, in pid order. */
    private final TreeSet<Integer> members = new TreeSet<>();
    private final Map<Integer, ThreadFiles> threads = new HashMap<>();
    /**
     * Each process's threads, listed again only after a scan: a new thread moves the last pid
     * too, and a thread that ended fails its read (and has its process listed again).
     */
    private final Map<Integer, int[]> taskLists = new HashMap<>();
    private String scannedAt;
    /**
     * Pids the last scan did not list though they were allocated before it (being created, or
     * gone since), and {@link #UNCHECKED} when it could not tell; the next look scans again
     * while this is not empty.
     */
    private final Set<Long> missed = new HashSet<>();
    /** The processes the last look saw. */
    private Set<Integer> lastLooked = Set.of();
    /**
     * Whether the program's processes or threads changed since the last look: a scan found
     * other processes than it saw, or one of them or of their threads ended. The next look then
     * does not count as waiting, as something of the program ran in between: a child that came
     * and went between two looks (seen only by a scan between them, or gone as the second look
     * read it) leaves its parent's counts unchanged if the parent was read before it ended.
     */
    private boolean changedSinceLook;
    /** Whether a look since the last scan found every thread waiting; null before the first look after it. */
    private Boolean waitingAfterScan;
    /** Stands in {@link #missed} for pids that were not checked one by one. */
    private static final long UNCHECKED = -1;
    /** More new pids than this between two scans are not checked one by one. */
    private static final long MAX_NEW_PIDS = 1000;
    private final boolean trustLastPid;

    ProcessWatch(int leader) throws IOException {
        this.leader = leader;
        this.loadavg = ProcFile.open(LOADAVG);
        members.add(leader);
        try {
            trustLastPid = tracksNewProcesses(leader);
        } catch (IOException e) {
            loadavg.close();
            throw e;
        }
    }

    /**
     * Whether the last-pid field follows process creation here. The program was created a moment
     * ago, so the last pid is at least its pid (or has wrapped past the maximum since, and is far
     * below it); a container that makes /proc/loadavg up (lxcfs) shows something else, and then
     * every look scans.
     */
    private boolean tracksNewProcesses(int created) throws IOException {
        try {
            long last = Long.parseLong(lastPid());
            return last >= created || created - last > 1_000_000;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    /** Looks at every thread of every process of the program now. */
    Look look() throws IOException {
        scanIfNeeded();
        List<ThreadLook> seen = new ArrayList<>();
        Set<Integer> live = new HashSet<>();
        // A process or thread that exists but could not be read makes the look incomplete, and
        // an incomplete look never counts as waiting: what cannot be seen might be running.
        boolean complete = true;
        for (Iterator<Integer> it = members.iterator(); it.hasNext(); ) {
            int pid = it.next();
            int[] tids = taskLists.computeIfAbsent(pid, ProcessWatch::tids);
            if (tids.length == 0) {
                taskLists.remove(pid);
                if (new File("/proc/" + pid).exists()) {
                    complete = false;
                } else {
                    it.remove();
                    changedSinceLook = true;
                }
                continue;
            }
            for (int tid : tids) {
                ThreadLook thread = lookAt(pid, tid);
                if (thread != null) {
                    seen.add(thread);
                    live.add(tid);
                } else {
                    taskLists.remove(pid);
                    complete &= !new File("/proc/" + pid + "/task/" + tid).exists();
                    changedSinceLook = true;
                }
            }
        }
        threads.entrySet().removeIf(entry -> {
            if (live.contains(entry.getKey())) {
                return false;
            }
            entry.getValue().close();
            return true;
        });
        String notWaiting = !complete ? "a process or thread of it could not be read"
                : changedSinceLook ? "a process or thread of it began or ended" : null;
        changedSinceLook = false;
        lastLooked = new HashSet<>(members);
        for (ThreadLook thread : seen) {
            if (notWaiting == null && !Stat.waiting(thread.state())) {
                notWaiting = thread.who() + (thread.state() == 'D' ? " is in a disk wait (D)" : " is running");
            }
        }
        waitingAfterScan = Boolean.TRUE.equals(waitingAfterScan) || notWaiting == null;
        return new Look(notWaiting, seen);
    }

    private ThreadLook lookAt(int pid, int tid) {
        try {
            ThreadFiles files = threads.get(tid);
            if (files == null) {
                files = new ThreadFiles(Path.of("/proc", Integer.toString(pid), "task", Integer.toString(tid)));
                threads.put(tid, files);
            }
            // The count first: a thread found sleeping after it was read cannot run again
            // without being counted, so the next look sees whatever it did after this one.
            long scheduled = files.timesScheduled();
            Stat stat = Stat.parse(files.stat.read());
            if (stat == null) {
                return null;
            }
            TimedWaits.Wait wait = files.waiting(scheduled, stat.state());
            return new ThreadLook(pid, tid, stat.name(), stat.state(), stat.cpuTicks(), scheduled,
                    wait != null && wait.timed(), wait == null ? "" : wait.location());
        } catch (IOException | RuntimeException ended) {
            // The thread ended between the listing and the read, or could not be read this once.
            ThreadFiles files = threads.remove(tid);
            if (files != null) {
                files.close();
            }
            return null;
        }
    }

    /** The program's processes now, in pid order (the leader first while it lives). */
    List<Integer> processes() throws IOException {
        scanIfNeeded();
        changedSinceLook |= members.removeIf(pid -> !new File("/proc/" + pid).exists());
        return new ArrayList<>(members);
    }

    /**
     * Scans when a process may have been created since the last scan: the last pid has moved,
     * or the last scan missed a pid it had reason to see. The kernel allocates a pid (and moves
     * the last pid) before the new process or thread shows in /proc, so a scan can run in
     * between and miss it, and the last pid need not move again. So each pid allocated since
     * the previous scan is checked against the scan's own listing, and a pid it missed makes
     * the next look scan too, and is checked again there. A pid missed again is still being
     * created only if its creator was in the middle of fork (running) at every look since the
     * earlier scan: when one of them found every thread waiting, the pid is gone (a creator that
     * sleeps has finished creating every process it had begun), and it is let go; otherwise it
     * is kept, and those looks were not quiet anyway. (Letting go at any such look, not only
     * the first after the scan, keeps the set small on a machine whose other processes come and
     * go between most looks.)
     */
    private void scanIfNeeded() throws IOException {
        String lastPid = lastPid();
        if (lastPid.equals(scannedAt) && trustLastPid && missed.isEmpty()) {
            return;
        }
        String before = scannedAt;
        scannedAt = lastPid;
        Set<Long> earlier = new HashSet<>(missed);
        boolean settled = Boolean.TRUE.equals(waitingAfterScan);
        waitingAfterScan = null;
        missed.clear();
        long[] range = newPids(before, lastPid);
        Set<Long> listed = range == null || earlier.contains(UNCHECKED) || !trustLastPid ? rescan()
                : scanNew(range, earlier);
        noteMissed(range, listed);
        boolean noneAppeared = Collections.disjoint(earlier, listed);
        for (long pid : earlier) {
            if (pid == UNCHECKED) {
                if (!settled) {
                    missed.add(UNCHECKED);
                }
            } else if (!listed.contains(pid) && !isThread(pid)
                    && (!settled || !noneAppeared || new File("/proc/" + pid).exists())) {
                missed.add(pid);
            }
        }
    }

    /**
     * The pids allocated after {@code from} up to {@code to}, as {first, last}; null for the
     * first scan (whatever came before it is unknown), a wrap past the largest pid, or a burst
     * of more than {@link #MAX_NEW_PIDS}.
     */
    private static long[] newPids(String from, String to) {
        try {
            long last = Long.parseLong(to);
            if (from == null) {
                return null;
            }
            long first = Long.parseLong(from) + 1;
            return first > last + 1 || last - first >= MAX_NEW_PIDS ? null : new long[] {first, last};
        } catch (NumberFormatException notPids) {
            return null;
        }
    }

    /**
     * Notes the pids in {@code range} that the scan did not list, threads left out; without a
     * range, all of them are scanned again until a look after a scan finds every thread waiting.
     */
    private void noteMissed(long[] range, Set<Long> listed) {
        if (range == null) {
            missed.add(UNCHECKED);
            return;
        }
        for (long pid = range[0]; pid <= range[1]; pid++) {
            if (!listed.contains(pid) && !isThread(pid)) {
                missed.add(pid);
            }
        }
    }

    /**
     * Finds the members among the members so far, the pids allocated since the last scan and
     * those it missed, without reading every process: a process that existed at the last scan
     * and was no member cannot have become one (joining the group means being in the session
     * already). Returns the pids read, threads among them (a thread's stat reads as its
     * process's, and a thread is no process of its own).
     */
    private Set<Long> scanNew(long[] range, Set<Long> earlier) {
        TreeSet<Long> pids = new TreeSet<>(earlier);
        for (long pid = range[0]; pid <= range[1]; pid++) {
            pids.add(pid);
        }
        if (pids.size() > MAX_NEW_PIDS) {
            return rescan();
        }
        List<Integer> candidates = new ArrayList<>(members);
        for (long pid : pids) {
            if (!members.contains((int) pid)) {
                candidates.add((int) pid);
            }
        }
        return classify(candidates, true);
    }

    /**
     * A thread of some process (pids are thread ids too, and /proc lists only processes): its
     * process is listed, or not, by a scan, and the threads of a member are listed at each look.
     */
    private static boolean isThread(long pid) {
        String status = ProcFile.readOnce("/proc/" + pid + "/status");
        if (status == null) {
            return false;
        }
        int at = status.indexOf("\nTgid:");
        if (at < 0) {
            return false;
        }
        int end = status.indexOf('\n', at + 1);
        return !status.substring(at + "\nTgid:".length(), end < 0 ? status.length() : end).strip()
                .equals(Long.toString(pid));
    }

    /** Finds the members afresh among every process. Returns the pids the scan listed and read. */
    private Set<Long> rescan() {
        String[] entries = new File("/proc").list();
        if (entries == null) {
            return new HashSet<>();
        }
        List<Integer> candidates = new ArrayList<>();
        for (String entry : entries) {
            if (!entry.isEmpty() && entry.charAt(0) >= '0' && entry.charAt(0) <= '9') {
                candidates.add(Integer.parseInt(entry));
            }
        }
        return classify(candidates, false);
    }

    /**
     * Makes the members those of {@code candidates} in the session or the group, and their
     * descendants. {@code threadsAmong}: a candidate may be a thread id, to be told from a
     * process before it is made a member (the listing of /proc holds processes only). Returns
     * the candidates read.
     */
    private Set<Long> classify(List<Integer> candidates, boolean threadsAmong) {
        Map<Integer, Integer> parents = new HashMap<>();
        Set<Integer> found = new TreeSet<>();
        Set<Long> listed = new HashSet<>();
        for (int pid : candidates) {
            Stat stat = Stat.parse(ProcFile.readOnce("/proc/" + pid + "/stat"));
            if (stat == null) {
                // Gone as it was read, or unreadable for a moment: a member stays one until its
                // /proc entry is gone, and any other is looked at again by the next scans, so a
                // look never loses a process it cannot see. (A new pid not read is left to
                // noteMissed, and one missed before to scanIfNeeded: both let go of the gone.)
                if (members.contains(pid) && new File("/proc/" + pid).exists()) {
                    found.add(pid);
                } else if (!threadsAmong) {
                    missed.add((long) pid);
                }
                continue;
            }
            listed.add((long) pid);
            parents.put(pid, stat.parent());
            if (pid == leader || stat.session() == leader || stat.group() == leader) {
                found.add(pid);
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<Integer, Integer> entry : parents.entrySet()) {
                if (found.contains(entry.getValue()) && found.add(entry.getKey())) {
                    grew = true;
                }
            }
        }
        if (threadsAmong) {
            // No process's parent is a thread id, so a thread taken for a process misleads nothing else.
            found.removeIf(pid -> !members.contains(pid) && isThread(pid));
        }
        changedSinceLook |= !found.equals(lastLooked);
        members.clear();
        members.addAll(found);
        taskLists.clear();
        return listed;
    }

    private String lastPid() throws IOException {
        String line = loadavg.read().strip();
        return line.substring(line.lastIndexOf(' ') + 1);
    }

    private static int[] tids(int pid) {
        String[] names = new File("/proc/" + pid + "/task").list();
        if (names == null) {
            return new int[0];
        }
        int[] tids = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            tids[i] = Integer.parseInt(names[i]);
        }
        Arrays.sort(tids);
        return tids;
    }

    /**
     * Whether nothing arriving over a network can wake the program as {@code look} found it
     * waiting: each sleeping thread sleeps in a read of a descriptor that is no socket (its
     * standard input, a pipe, a terminal, a file), and the others are stopped or have ended. A
     * program that reads only its keyboard then needs no look for data on its way to it, which
     * would read every descriptor of every process ({@link #socketInodes}). The descriptor is
     * read as it is now: a program that opened another on that number since the look has run,
     * and the next look sees it. (One that set fd 0 to a socket, inetd's way, is not deaf.)
     */
    boolean deafToSockets(Look look) {
        Map<String, Boolean> sockets = new HashMap<>();
        for (ThreadLook thread : look.threads()) {
            if (thread.state() != 'S') {
                continue;
            }
            int descriptor = TimedWaits.readDescriptor(thread.location());
            if (descriptor < 0) {
                return false;
            }
            String link = "/proc/" + thread.pid() + "/fd/" + descriptor;
            if (sockets.computeIfAbsent(link, ProcessWatch::isSocket)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the descriptor link names a socket; true when it cannot be read, so the full look is taken. */
    private static boolean isSocket(String descriptorLink) {
        try {
            return Files.readSymbolicLink(Path.of(descriptorLink)).toString().startsWith("socket:");
        } catch (IOException | UnsupportedOperationException closedMeanwhile) {
            return true;
        }
    }

    /** The socket inodes the program's processes hold, in the order of their processes and descriptors. */
    List<Long> socketInodes() throws IOException {
        List<Long> inodes = new ArrayList<>();
        for (int pid : processes()) {
            String[] fds = new File("/proc/" + pid + "/fd").list();
            if (fds == null) {
                continue;
            }
            int[] numbers = new int[fds.length];
            for (int i = 0; i < fds.length; i++) {
                numbers[i] = Integer.parseInt(fds[i]);
            }
            Arrays.sort(numbers);
            for (int fd : numbers) {
                try {
                    String target = Files.readSymbolicLink(Path.of("/proc", Integer.toString(pid), "fd",
                            Integer.toString(fd))).toString();
                    if (target.startsWith("socket:[")) {
                        long inode = Long.parseLong(target.substring("socket:[".length(), target.length() - 1));
                        if (!inodes.contains(inode)) {
                            inodes.add(inode);
                        }
                    }
                } catch (IOException closedMeanwhile) {
                    // A descriptor closed while the folder was read holds nothing now.
                }
            }
        }
        return inodes;
    }

    @Override
    public void close() {
        loadavg.close();
        for (ThreadFiles files : threads.values()) {
            files.close();
        }
        threads.clear();
    }
}
