/**
 * Sequence diagrams of a {@link io.sockshell.conversation.Conversation}: a
 * {@link io.sockshell.diagram.Scene} (a column per socket grouped by party, a row per moment, a
 * blocked call's end right after what released it, repeated exchanges folded into loops), drawn
 * as text for a terminal ({@link io.sockshell.diagram.TextDiagram}, box drawing or ASCII, fitted
 * to a width), Mermaid, a self-contained SVG, or an HTML page with the SVG beside its sources,
 * through {@link io.sockshell.diagram.Diagrams}. Every text from a party or a peer passes through
 * {@link io.sockshell.diagram.Escape} on its way into a format.
 *
 * <p>It imports the conversation model and the engine's {@code PyRepr} (data previews as Python
 * writes bytes); the shell's {@code diagram} command and {@code sockshell diagram} use it.
 */
package io.sockshell.diagram;
