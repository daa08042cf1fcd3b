/**
 * The kernel's view of sockets, read from {@code /proc}: the socket tables
 * ({@link io.sockshell.kernel.NetTables}, one reader of {@code /proc/net/tcp}, {@code tcp6},
 * {@code udp} and {@code udp6} for the whole tree), a session's sockets matched to their rows
 * and settled ({@link io.sockshell.kernel.KernelView}), and whether a thread sleeps in a wait
 * ({@link io.sockshell.kernel.Tasks}).
 *
 * <p>It imports only {@code java.*} and the engine's API, and never prints: what it finds is
 * data that the shell's commands lay out. Where the kernel offers no such files (not Linux, or
 * {@code /proc} unreadable) every answer says so instead of failing.
 */
package io.sockshell.kernel;
