package io.sockshell.link;

/** The two ways bytes go through a relayed connection. */
enum Direction {
    /** From the client that connected to the link to the target. */
    UP,
    /** From the target back to the client. */
    DOWN;

    String label() {
        return this == UP ? "up" : "down";
    }
}
