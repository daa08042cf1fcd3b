package io.sockshell.engine;

/**
 * A snapshot of one socket for display: everything a learner might want to see at a glance.
 * {@code timeout} is null in blocking mode and 0.0 in nonblocking mode, as {@code gettimeout()}.
 */
public record SockInfo(
        Family family,
        Kind kind,
        SocketState state,
        Address local,
        Address peer,
        Double timeout,
        long bytesSent,
        long bytesReceived,
        long sendCalls,
        long recvCalls) {

    /** Python's way of saying the mode: {@code blocking}, {@code nonblocking} or {@code timeout 2.5}. */
    public String mode() {
        if (timeout == null) {
            return "blocking";
        }
        return timeout == 0.0 ? "nonblocking" : "timeout " + PyRepr.number(timeout);
    }
}
