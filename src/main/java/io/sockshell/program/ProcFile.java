package io.sockshell.program;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One file under {@code /proc}, kept open and read again from its start: the kernel makes its
 * text afresh on every read at offset 0, and a positional read of an open file costs a third
 * of opening, reading and closing it, which matters when a look reads two files of each
 * thread of a program several times a millisecond.
 */
final class ProcFile implements AutoCloseable {
    private final FileChannel channel;
    private ByteBuffer buffer = ByteBuffer.allocate(512);

    private ProcFile(FileChannel channel) {
        this.channel = channel;
    }

    /** Opens {@code path}; an IOException when it is gone (the process or thread has ended). */
    static ProcFile open(Path path) throws IOException {
        return new ProcFile(FileChannel.open(path));
    }

    /** The file's text now; an IOException once the process or thread it describes has ended. */
    String read() throws IOException {
        int length = readBytes();
        return new String(buffer.array(), 0, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * One read at offset 0 while it fits the buffer. Every file kept open here ({@code stat},
     * {@code schedstat}, {@code status}, {@code syscall} of a thread, {@code loadavg}) is one
     * record the kernel makes whole before it copies any of it (seq_file's single_open), so a
     * read that leaves room in the buffer has the whole text, and a second read to see the end
     * of the file would only double the system calls of every look.
     */
    private int readBytes() throws IOException {
        while (true) {
            buffer.clear();
            int length = Math.max(0, channel.read(buffer, 0));
            if (buffer.hasRemaining()) {
                return length;
            }
            buffer = ByteBuffer.allocate(buffer.capacity() * 2);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // A /proc file holds nothing that needs flushing.
        }
    }

    /**
     * A /proc file read once (the loadavg line, a process's stat or environment), or null when
     * it is gone or not ours to read. A plain stream: Files.readAllBytes costs several times as
     * much on these files, which report a size of 0, and a scan reads one per process.
     */
    static String readOnce(String path) {
        try (FileInputStream in = new FileInputStream(path)) {
            byte[] bytes = new byte[1024];
            int total = 0;
            int n;
            while ((n = in.read(bytes, total, bytes.length - total)) > 0) {
                total += n;
                if (total == bytes.length) {
                    bytes = Arrays.copyOf(bytes, bytes.length * 2);
                }
            }
            return new String(bytes, 0, total, StandardCharsets.ISO_8859_1);
        } catch (IOException goneOrNotOurs) {
            return null;
        }
    }
}
