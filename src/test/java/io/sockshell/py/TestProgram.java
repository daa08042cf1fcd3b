package io.sockshell.py;

import io.sockshell.py.runtime.KeyboardLines;
import io.sockshell.py.runtime.Program;
import java.util.ArrayList;
import java.util.List;

/** A program bound to the test's thread, whose output and keyboard the test controls. */
final class TestProgram implements AutoCloseable {
    private final StringBuffer out = new StringBuffer();
    private final Program program;

    TestProgram(List<String> argv, List<String> keyboard) {
        List<String> withName = new ArrayList<>();
        withName.add("test.jsh");
        withName.addAll(argv);
        program = Program.builder()
                .argv(withName)
                .keyboard(KeyboardLines.scripted(keyboard, KeyboardLines.EMPTY))
                .out(out::append)
                .notes(note -> out.append("-- ").append(note).append('\n'))
                .build();
        Program.bind(program);
    }

    Program program() {
        return program;
    }

    String output() {
        return out.toString();
    }

    @Override
    public void close() {
        program.closeAll();
        Program.unbind();
    }
}
