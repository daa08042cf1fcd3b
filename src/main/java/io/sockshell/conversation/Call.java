package io.sockshell.conversation;

import java.util.List;

/**
 * One call on a socket as it was recorded. A command that made several engine calls of one
 * kind on one socket (a file's {@code read}, looping over {@code recv}) is one call with their
 * bytes added up.
 *
 * @param id         its position among the calls, from 0, in the order they began
 * @param begin      the logical time it began
 * @param end        the logical time it ended, or -1 if it had not when the snapshot was taken
 * @param party      who made it
 * @param socket     the lifeline it was made on, or -1 for a select over none
 * @param watched    the lifelines a select watched; empty for other calls
 * @param ready      the lifelines a select found ready to read (or to accept on); empty for other calls
 * @param writable   the lifelines a select found ready to write; empty for other calls
 * @param op         what it does
 * @param name       what its caller called it ({@code recv}, {@code read}, {@code close})
 * @param arguments  its arguments as text ({@code 1024}, {@code SHUT_WR}), or empty
 * @param bytes      bytes moved: sent for a sending call, received for a receiving one
 * @param preview    the first bytes moved (at most {@link Recorder#PREVIEW_BYTES}), or null when none moved;
 *                   {@code bytes} says how many there were in all
 * @param endOfStream whether a receiving call met the end of the stream ({@code b''})
 * @param created    the lifeline an accept made, or -1
 * @param target     the address given to connect, sendto or bind, or the sender of a recvfrom
 * @param result     a short text of what it returned, where that is not bytes nor sockets (connect_ex's errno), or null
 * @param errorClass Python's exception class if it failed ({@code BlockingIOError}), or null
 * @param error      CPython's line for the failure, or null
 * @param background whether it ran in the background (a shell's {@code &})
 * @param source     the step or snippet that made it, or null
 * @param engineCalls how many engine calls it took
 */
public record Call(int id, long begin, long end, String party, int socket, List<Integer> watched,
        List<Integer> ready, List<Integer> writable, Op op, String name,
        String arguments, long bytes, byte[] preview, boolean endOfStream, int created,
        Endpoint target, String result, String errorClass, String error, boolean background, Source source,
        int engineCalls) {

    public boolean failed() {
        return errorClass != null;
    }

    public boolean finished() {
        return end >= 0;
    }
}
