/**
 * How a driver records the calls its sockets make into a {@link io.sockshell.conversation.Recorder}:
 * a {@link io.sockshell.recording.PartyRecording} per party (a shell session, a replayed
 * program) wraps the party's sockets and socket backend, and marks where each command or
 * program call begins, so the engine calls inside it are recorded as that command's. While a
 * party records nothing, a wrapped call costs one read of a volatile field.
 *
 * <p>It imports the engine and the conversation model; the session and the program runtime
 * use it. Nothing here prints.
 */
package io.sockshell.recording;
