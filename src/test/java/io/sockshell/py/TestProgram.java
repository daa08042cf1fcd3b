package io.sockshell.py;

import java.util.ArrayList;
import java.util.List;

/** A program bound to the test's thread, whose output and keyboard the test controls. */
final class TestProgram implements AutoCloseable {
    private final StringBuffer out = new StringBuffer();
    private final Program program;

    TestProgram(List<String> argv, List<String> keyboard) {
        this(argv, keyboard, null);
    }

    TestProgram(List<String> argv, List<String> keyboard, Conductor.Side side) {
        List<String> withName = new ArrayList<>();
        withName.add("test.jsh");
        withName.addAll(argv);
        program = Program.builder()
                .argv(withName)
                .keyboard(Keyboard.scripted(keyboard, Keyboard.EMPTY))
                .out(out::append)
                .notes(note -> out.append("-- ").append(note).append('\n'))
                .side(side)
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
