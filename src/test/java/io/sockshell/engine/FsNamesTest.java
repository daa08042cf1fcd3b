package io.sockshell.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sockshell.export.PythonJudge;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * FsNames against CPython's os.fsdecode on seeded random names: mostly UTF-8, with stray
 * continuation bytes, cut sequences, encoded surrogates and overlong forms mixed in.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FsNamesTest {
    private static final int NAMES = 3000;
    private static final List<byte[]> PIECES = List.of(new byte[] {'a'}, new byte[] {'/'}, new byte[] {(byte) 0xff},
            new byte[] {(byte) 0x80}, new byte[] {(byte) 0xc3, (byte) 0xa9}, new byte[] {(byte) 0xc3},
            new byte[] {(byte) 0xe2, (byte) 0x82, (byte) 0xac}, new byte[] {(byte) 0xe2, (byte) 0x82},
            new byte[] {(byte) 0xed, (byte) 0xb3, (byte) 0xbf}, new byte[] {(byte) 0xc0, (byte) 0xaf},
            new byte[] {(byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80}, new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80},
            "\udcff".getBytes(StandardCharsets.UTF_8));

    @Test
    void decodesAsCPythonDoesAndEncodesTheSameBytesBack() throws IOException, InterruptedException {
        assumeTrue(PythonJudge.unavailable().isEmpty(), "python3 is needed to compare with CPython");
        SplittableRandom random = new SplittableRandom(0xF5_0DEL);
        List<byte[]> names = new ArrayList<>();
        for (int i = 0; i < NAMES; i++) {
            ByteArrayOutputStream name = new ByteArrayOutputStream();
            for (int pieces = random.nextInt(1, 6); pieces > 0; pieces--) {
                name.writeBytes(PIECES.get(random.nextInt(PIECES.size())));
            }
            names.add(name.toByteArray());
        }
        List<String> expected = cpythonCodePoints(names);
        for (int i = 0; i < NAMES; i++) {
            byte[] name = names.get(i);
            String decoded = FsNames.fsdecode(name);
            String hex = HexFormat.of().formatHex(name);
            assertEquals(expected.get(i), codePoints(decoded), "os.fsdecode(bytes.fromhex('" + hex + "'))");
            assertArrayEquals(name, FsNames.fsencode(decoded), "os.fsencode(os.fsdecode(bytes.fromhex('" + hex + "')))");
        }
    }

    /**
     * A str with surrogates in it, as code points: escaped bytes (U+DC80 to U+DCFF) encode to
     * their byte, and any other surrogate fails with CPython's exact UnicodeEncodeError, whose
     * position and range depend on the run of surrogates around it.
     */
    @Test
    void encodesAStrAsCPythonDoesOrFailsWithItsError() throws IOException, InterruptedException {
        assumeTrue(PythonJudge.unavailable().isEmpty(), "python3 is needed to compare with CPython");
        int[] pieces = {'a', 0xE9, 0x1F600, 0xDC80, 0xDCFF, 0xD800, 0xDBFF, 0xDC00, 0xDC7F, 0xDFFF};
        SplittableRandom random = new SplittableRandom(0x5E_CAFEL);
        List<int[]> strs = new ArrayList<>();
        for (int i = 0; i < NAMES; i++) {
            int[] str = new int[random.nextInt(1, 7)];
            for (int at = 0; at < str.length; at++) {
                str[at] = pieces[random.nextInt(pieces.length)];
            }
            strs.add(str);
        }
        List<String> inputs = strs.stream().map(str -> java.util.Arrays.stream(str).mapToObj(Integer::toHexString)
                .collect(Collectors.joining(" "))).toList();
        List<String> expected = cpython(inputs, "import os, sys\n"
                + "for line in sys.stdin:\n"
                + "    try:\n"
                + "        print(os.fsencode(''.join(chr(int(c, 16)) for c in line.split())).hex())\n"
                + "    except UnicodeEncodeError as e:\n"
                + "        print('UnicodeEncodeError: %s' % e)\n");
        for (int i = 0; i < NAMES; i++) {
            String encoded;
            try {
                encoded = HexFormat.of().formatHex(FsNames.fsencode(strs.get(i)));
            } catch (SockError e) {
                encoded = e.pythonLine();
            }
            assertEquals(expected.get(i), encoded, "os.fsencode of the code points " + inputs.get(i));
        }
    }

    @Test
    void aCharacterAboveU_FFFFWhoseLowHalfLooksLikeAnEscapeIsNotOne() {
        String smiley = new String(Character.toChars(0x1F0FF));
        assertEquals(0xDCFF, smiley.charAt(1));
        assertFalse(FsNames.hasEscapedBytes(smiley));
        assertArrayEquals(smiley.getBytes(StandardCharsets.UTF_8), FsNames.fsencode(smiley));
    }

    private static String codePoints(String text) {
        return text.codePoints().mapToObj(Integer::toHexString).collect(Collectors.joining(" "));
    }

    private static List<String> cpythonCodePoints(List<byte[]> names) throws IOException, InterruptedException {
        return cpython(names.stream().map(HexFormat.of()::formatHex).toList(), "import os, sys\n"
                + "for line in sys.stdin:\n"
                + "    print(' '.join('%x' % ord(c) for c in os.fsdecode(bytes.fromhex(line.strip()))))\n");
    }

    /** What a python3 program prints for each input line, one line each. */
    private static List<String> cpython(List<String> inputs, String program) throws IOException, InterruptedException {
        Process python = new ProcessBuilder(PythonJudge.command(), "-c", program)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Thread writer = new Thread(() -> {
            try (var in = python.getOutputStream()) {
                for (String input : inputs) {
                    in.write((input + "\n").getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "python-inputs");
        writer.start();
        List<String> lines = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        writer.join();
        assertEquals(0, python.waitFor());
        return lines;
    }
}
