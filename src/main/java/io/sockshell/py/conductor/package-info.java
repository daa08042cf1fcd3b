/**
 * The deterministic conductor: several programs replayed against each other take turns as on
 * one processor, and whether a call waits is decided from a ledger of what they sent, read,
 * connected and closed, never from a clock, so a replay's output is the same on every run. A
 * conducted program's transport gives it sockets that bring their waiting calls here and keep
 * the conductor's record of each socket.
 *
 * <p>It builds on {@code py.runtime} (a conductor's transport is a program's transport) and
 * imports only the engine, the SPI and the runtime: not the facade, nor {@code replay}, which
 * sets it up.
 */
package io.sockshell.py.conductor;
