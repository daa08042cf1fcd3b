/**
 * The command line: {@link io.sockshell.cli.Main} (the root command, with the help and version
 * options every subcommand inherits; the shell, or a script on standard input, when no
 * subcommand is given), one class per subcommand ({@code run}, {@code check}, {@code record},
 * {@code replay}, {@code jshell}, {@code reference}, {@code install}, {@code uninstall},
 * {@code diagram}) and the options they share, the version provider, installing a distribution under a prefix
 * ({@code Installation}), and the one registry of party kinds ({@link io.sockshell.cli.Parties})
 * with the replay party. A new subcommand or a new kind of party goes here.
 *
 * <p>It is the top of the tree: it may import every other sockshell package, and only
 * {@code io.sockshell.junit} imports it (for {@code Parties}). It never imports JLine or
 * jdk.jshell directly: those stay in {@code repl} and {@code replay}.
 */
package io.sockshell.cli;
