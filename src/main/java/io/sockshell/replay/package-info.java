/**
 * Replays of the tutorial's JShell scripts ({@code sockshell replay}): each script split into
 * snippets and run one at a time in its own JShell, shown with its output, values and errors
 * at the script's lines; several scripts run against each other under a conductor. Also the
 * JDK's own JShell tool as {@code sockshell jshell} starts it. The only package that imports
 * {@code jdk.jshell}.
 *
 * <p>It sets up programs through {@code py.runtime} and {@code py.conductor} and imports the
 * engine and the Python packages; never {@code cli}, {@code command}, {@code session},
 * {@code repl} or {@code transcript}, which may call it.
 */
package io.sockshell.replay;
