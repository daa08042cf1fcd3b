package io.sockshell.engine;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The file an AF_UNIX bind makes, which close leaves behind: removed as {@code os.unlink}
 * removes it, with CPython's errors.
 */
public final class SocketFile {
    private static final Errno EISDIR = Errno.of(21, "EISDIR", "Is a directory");

    private SocketFile() {
    }

    /** {@code os.unlink(name)}. */
    public static void unlink(String name) throws SockError {
        if (name.indexOf('\0') >= 0) {
            // CPython's path converter refuses it before any call (an abstract name is no file).
            throw SockError.plain("ValueError", "embedded null byte");
        }
        if (name.isEmpty()) {
            // unlink("") is ENOENT to the kernel, where Java's empty path is the current folder.
            throw SockError.ofFile(Errno.ENOENT, name);
        }
        Path file = withItsBytes(name);
        try {
            // os.unlink removes no folder, where Files.delete would remove an empty one.
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                throw SockError.ofFile(EISDIR, name);
            }
            Files.delete(file);
        } catch (NoSuchFileException e) {
            throw SockError.ofFile(Errno.ENOENT, name);
        } catch (AccessDeniedException e) {
            throw SockError.ofFile(Errno.EACCES, name);
        } catch (FileSystemException e) {
            // The JDK names only some errors by class; the rest carry strerror's text.
            if (Errno.ENOTDIR.text().equals(e.getReason())) {
                throw SockError.ofFile(Errno.ENOTDIR, name);
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
}
