package io.sockshell.link;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The sockets of the shell that started a link, as far as the link needs them: for a connection
 * end that is the shell's own socket, a live count of the bytes it has read. A link waits on
 * that count, which the reader's recv moves the moment it returns, instead of reading the
 * kernel's tables, which tell that a piece was taken only once its acknowledgement is back.
 */
@FunctionalInterface
public interface Readers {
    /** None of the ends is the shell's: every wait reads the kernel's tables. */
    Readers NONE = (local, remote) -> Optional.empty();

    /**
     * The count of bytes read by the shell's socket whose own address is {@code local} and whose
     * peer is {@code remote}, if the shell has one there; the count is {@link Long#MAX_VALUE}
     * once that socket is closed, so nothing waits on it any more.
     */
    Optional<LongSupplier> bytesRead(InetSocketAddress local, InetSocketAddress remote);
}
