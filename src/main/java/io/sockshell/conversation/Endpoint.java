package io.sockshell.conversation;

/** One end of a connection as a socket reports it: host text and port. */
public record Endpoint(String host, int port) {
    /** The host an IPv4-mapped IPv6 address stands for, so both forms of one address match. */
    public String plainHost() {
        return host.startsWith("::ffff:") && host.indexOf('.') > 0 ? host.substring("::ffff:".length()) : host;
    }

    /** Any address of the machine: what a socket bound to {@code ""} reports. */
    public boolean isWildcard() {
        return host.isEmpty() || host.equals("0.0.0.0") || host.equals("::");
    }

    /** The same address, whichever form each side reports it in. */
    public boolean sameAs(Endpoint other) {
        return other != null && port == other.port && plainHost().equals(other.plainHost());
    }

    /** {@code 127.0.0.1:2000}, {@code [::1]:2000}. */
    public String hostPort() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
