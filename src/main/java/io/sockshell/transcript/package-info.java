/**
 * The transcript core: the {@code .t} format and its parser ({@link io.sockshell.transcript.Transcript}:
 * prompts, expected lines, patterns, captures, {@code %file} blocks), matching what a step
 * printed against what is written below it, running the steps of several parties one at a time
 * in file order with every step bounded ({@link io.sockshell.transcript.TranscriptRunner}), and
 * checking and updating files ({@link io.sockshell.transcript.TranscriptChecker}). Who takes
 * the input is a {@link io.sockshell.transcript.Party}, started by a
 * {@link io.sockshell.transcript.PartyKind}; the core has no kind of its own.
 *
 * <p>It imports only {@code java.*} and java-diff-utils: nothing of sockshell's other packages,
 * not even its shell adapter below it ({@code LayeringTest} checks), so a new kind of party
 * never changes it.
 */
package io.sockshell.transcript;
