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
        Process python = new ProcessBuilder(PythonJudge.command(), "-c", "import os, sys\n"
                + "for line in sys.stdin:\n"
                + "    print(' '.join('%x' % ord(c) for c in os.fsdecode(bytes.fromhex(line.strip()))))\n")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Thread writer = new Thread(() -> {
            try (var in = python.getOutputStream()) {
                for (byte[] name : names) {
                    in.write((HexFormat.of().formatHex(name) + "\n").getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "fsdecode-names");
        writer.start();
        List<String> lines = new String(python.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        writer.join();
        assertEquals(0, python.waitFor());
        return lines;
    }
}
