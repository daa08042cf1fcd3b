package io.sockshell.command;

import io.sockshell.engine.Errno;
import io.sockshell.engine.FsNames;
import io.sockshell.engine.PyRepr;
import io.sockshell.engine.SockError;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "unlink",
        description = {"Remove the file at PATH: os.unlink(PATH).",
            "PATH is written as bind takes an AF_UNIX path: a word, or quoted text."},
        footer = {"", "Lesson: close leaves an AF_UNIX socket's file behind; a server started again",
            "on the path gets [Errno 98] Address already in use until the file is removed."})
public final class UnlinkCommand extends ShellCommand {
    private static final Errno EISDIR = Errno.of(21, "EISDIR", "Is a directory");

    @Parameters(index = "0", paramLabel = "PATH")
    String path;

    public UnlinkCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        String name = path(path);
        if (name.indexOf('\0') >= 0) {
            // CPython's path converter refuses it before any call (an abstract name is no file).
            throw SockError.plain("ValueError", "embedded null byte");
        }
        if (name.isEmpty()) {
            // unlink("") is ENOENT to the kernel, where Java's empty path is the current folder.
            throw failed(Errno.ENOENT, name);
        }
        Path file = withItsBytes(name);
        try {
            // os.unlink removes no folder, where Files.delete would remove an empty one.
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                throw failed(EISDIR, name);
            }
            Files.delete(file);
        } catch (NoSuchFileException e) {
            throw failed(Errno.ENOENT, name);
        } catch (AccessDeniedException e) {
            throw failed(Errno.EACCES, name);
        } catch (FileSystemException e) {
            // The JDK names only some errors by class; the rest carry strerror's text.
            if (Errno.ENOTDIR.text().equals(e.getReason())) {
                throw failed(Errno.ENOTDIR, name);
            }
            throw SockError.unclassified(e);
        } catch (IOException e) {
            throw SockError.unclassified(e);
        }
    }

    /**
     * The file a name stands for, with its bytes. Path.of takes only text the file-name charset
     * encodes, so a name holding bytes that are not UTF-8 ({@link FsNames}) goes through a
     * {@code file:} URI, whose escapes stand for bytes.
     */
    private static Path withItsBytes(String name) {
        if (!FsNames.hasEscapedBytes(name)) {
            return Path.of(name);
        }
        String folder = name.startsWith("/") ? "" : Path.of("").toAbsolutePath().toUri().getRawPath();
        StringBuilder uri = new StringBuilder("file://").append(folder);
        for (byte b : FsNames.fsencode(name)) {
            char c = (char) Byte.toUnsignedInt(b);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "/-._~".indexOf(c) >= 0)) {
                uri.append(c);
            } else {
                uri.append(String.format("%%%02X", (int) c));
            }
        }
        return Path.of(URI.create(uri.toString()));
    }

    /** The error as os.unlink raises it, with the file's name after the text. */
    private static SockError failed(Errno errno, String name) {
        return SockError.plain(errno.pythonClass(), "[Errno " + errno.number() + "] " + errno.text() + ": "
                + PyRepr.str(name));
    }
}
