/**
 * Transcripts as JUnit 5 tests in a project's own test suite:
 * {@link io.sockshell.junit.TranscriptTests#in(java.nio.file.Path)} gives one dynamic test per
 * transcript, with every party kind of {@code cli.Parties} by default.
 *
 * <p>The only package that imports JUnit ({@code LayeringTest} checks). JUnit is a provided
 * dependency: the project using this package brings it, and sockshell's jar holds none of it.
 * Nothing in sockshell imports this package; it imports the transcript core and
 * {@code cli.Parties}.
 */
package io.sockshell.junit;
