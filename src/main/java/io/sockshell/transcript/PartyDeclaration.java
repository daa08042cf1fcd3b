package io.sockshell.transcript;

import java.util.List;

/** {@code %party NAME [KIND [ARGUMENT...]]}: someone who runs commands, declared at {@code line}. */
public record PartyDeclaration(String name, String kind, List<String> arguments, int line) {
}
