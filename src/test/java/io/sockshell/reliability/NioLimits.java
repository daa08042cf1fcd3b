package io.sockshell.reliability;

/** The differences from CPython the NIO backend keeps, each explained in the README; null for any other. */
final class NioLimits {
    private NioLimits() {
    }

    static String explain(CPythonComparison.Difference difference) {
        return null;
    }
}
