package io.sockshell.transcript;

import java.util.List;

/**
 * What a transcript expects to be still open when it ends: the lines after {@code %leftovers}.
 *
 * @param directiveIndex 0-based index of the {@code %leftovers} line
 */
record LeftoversBlock(int directiveIndex, List<ExpectedLine> expected) {
    int expectedFrom() {
        return directiveIndex + 1;
    }

    int expectedTo() {
        return expectedFrom() + expected.size();
    }
}
