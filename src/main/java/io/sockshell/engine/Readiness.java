package io.sockshell.engine;

import java.util.List;

/** The three lists {@code select.select} returns. */
public record Readiness(List<Sock> readable, List<Sock> writable, List<Sock> exceptional) {
}
