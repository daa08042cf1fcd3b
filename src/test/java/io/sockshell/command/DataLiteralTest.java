package io.sockshell.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sockshell.engine.PyBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DataLiteralTest {

    private static byte[] parse(String source) throws DataLiteral.BadLiteral {
        return DataLiteral.parse(source).toArray();
    }

    private static String repr(String source) throws DataLiteral.BadLiteral {
        return DataLiteral.parse(source).toString();
    }

    private static String rejection(String source) {
        DataLiteral.BadLiteral error = assertThrows(DataLiteral.BadLiteral.class, () -> DataLiteral.parse(source),
                () -> source + " should be rejected");
        assertEquals(1, error.getMessage().lines().count(), () -> "one line: " + error.getMessage());
        return error.getMessage();
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void quotedTextTakesEveryPythonEscape() throws Exception {
        assertArrayEquals(bytes('\n', '\r', '\t', '\\', '\'', '"', 7, 8, 12, 11, 0x41, 0x41, 0, 0x0a),
                parse("\"\\n\\r\\t\\\\\\'\\\"\\a\\b\\f\\v\\x41\\101\\0\\12\""));
    }

    @Test
    void singleAndDoubleQuotesAreTheSame() throws Exception {
        assertArrayEquals(parse("\"it's\""), parse("'it\\'s'"));
        assertEquals("b\"it's\"", repr("'it\\'s'"));
    }

    @Test
    void unknownEscapeKeepsItsBackslashAsPythonDoes() throws Exception {
        assertEquals("b'\\\\q'", repr("\"\\q\""));
        assertEquals(PyBytes.ascii("\\q\\N{DASH}"), DataLiteral.parse("'\\q\\N{DASH}'"));
    }

    @Test
    void textIsEncodedAsUtf8IncludingUnicodeEscapes() throws Exception {
        assertArrayEquals(bytes(0xc3, 0xa9, 0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80, 0xf0, 0x9f, 0x98, 0x80),
                parse("\"é\\u00e9\\U0001F600\uD83D\uDE00\""));
    }

    @Test
    void hexEscapeInTextIsOneRawByte() throws Exception {
        assertArrayEquals(bytes(0xff, 0x00), parse("\"\\xff\\x00\""));
    }

    @Test
    void octalEscapeAboveByteRangeIsRejected() {
        assertEquals("octal escape \\777 is above \\377", rejection("\"\\777\""));
        assertEquals("octal escape \\400 is above \\377", rejection("\"\\400\""));
    }

    @Test
    void unicodeEscapeBeyondUnicodeIsRejected() {
        assertEquals("illegal Unicode character in \\U escape", rejection("\"\\U00110000\""));
    }

    @Test
    void loneSurrogatesCannotBeEncoded() {
        assertEquals("cannot encode '\\ud800' as UTF-8: surrogates not allowed", rejection("\"\\ud800\""));
        assertEquals("cannot encode '\\udc00' as UTF-8: surrogates not allowed", rejection("\"a\udc00\""));
        assertEquals("cannot encode '\\ud83d' as UTF-8: surrogates not allowed", rejection("\"\ud83d\""));
        assertEquals("cannot encode '\\ud83d' as UTF-8: surrogates not allowed", rejection("x\ud83d"));
        assertEquals("cannot encode '\\udfff' as UTF-8: surrogates not allowed", rejection("\"\\U0000dfff\""));
    }

    @Test
    void bytesLiteralIsTakenAsPythonReadsIt() throws Exception {
        assertArrayEquals(bytes('a', 'b', 'c', 0), parse("b'abc\\x00'"));
        assertArrayEquals(bytes('x', '\r', '\n'), parse("B\"x\\r\\n\""));
        assertEquals("b'\\\\u00e9'", repr("b'\\u00e9'"));
    }

    @Test
    void bytesLiteralRejectsNonAscii() {
        assertEquals("bytes can only contain ASCII literal characters", rejection("b'café'"));
    }

    @Test
    void hexFormsGiveTheirBytes() throws Exception {
        assertEquals("b'Hello'", repr("x'48 65 6c 6c 6f'"));
        assertEquals("b'Hel'", repr("X\"48656C\""));
        assertEquals("b'Hello'", repr("hex:48656c6c6f"));
        assertEquals("b'Hell'", repr("hex:48:65-6c_6c"));
        assertEquals("b''", repr("x''"));
    }

    @Test
    void hexNeedsAnEvenNumberOfAsciiHexDigits() {
        assertEquals("hex data needs an even number of digits: 4", rejection("x'4'"));
        assertEquals("not a hex digit in 4g", rejection("hex:4g"));
        assertEquals("not a hex digit in \u0663\u0663", rejection("hex:\u0663\u0663"));
        assertEquals("not a hex digit in \uff11\uff11", rejection("x'\uff11\uff11'"));
    }

    @Test
    void fileContentsAreReadWhole(@TempDir Path dir) throws Exception {
        Path request = Files.write(dir.resolve("request.txt"), "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("b'GET / HTTP/1.0\\r\\n\\r\\n'", repr("@" + request));
        assertEquals(36, parse("@" + request + "*2").length);
        assertEquals("b'>GET / HTTP/1.0\\r\\n\\r\\n'", repr("'>'+@" + request));
    }

    @Test
    void missingFileOrNameIsRejected(@TempDir Path dir) {
        Path missing = dir.resolve("missing.txt");
        assertEquals("cannot read " + missing + ": no such file", rejection("@" + missing));
        assertEquals("@ needs a file name, as in @request.txt", rejection("@"));
    }

    @Test
    void onlyARegularFileIsData(@TempDir Path dir) {
        assertEquals("cannot read " + dir + ": not a regular file", rejection("@" + dir));
        assertEquals("cannot read /dev/zero: not a regular file", rejection("@/dev/zero"));
    }

    @Test
    void repetitionWorksOnEitherSide() throws Exception {
        byte[] expected = "abc".repeat(10000).getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(expected, parse("\"abc\"*10000"));
        assertArrayEquals(expected, parse("10000*\"abc\""));
        assertArrayEquals(expected, parse("'abc'*100*100"));
        assertEquals("b''", repr("\"abc\"*0"));
    }

    @Test
    void aCountOfZeroOrLessRepeatsToNothingAsInPython() throws Exception {
        assertEquals("b''", repr("\"a\"*-1"));
        assertEquals("b''", repr("-2*\"ab\""));
        assertEquals("b''", repr("\"a\"*-1*-1"));
        assertEquals("b'xy'", repr("\"a\"*-5+\"xy\""));
        assertEquals("b'-1'", repr("-1"));
        assertEquals("expected a repeat count after '*' in \"a\"*-", rejection("\"a\"*-"));
    }

    @Test
    void partsAreJoinedWithPlus() throws Exception {
        assertEquals("b'GET\\r\\n\\x00aaa'", repr("\"GET\"+b'\\r\\n'+x'00'+3*a"));
    }

    @Test
    void bareWordIsItsOwnText() throws Exception {
        assertEquals("b'hello'", repr("hello"));
        assertEquals("b'12'", repr("12"));
        assertEquals("b'-x'", repr("-x"));
    }

    @Test
    void dataOverTheLimitIsRefusedBeforeAnyAllocation() {
        assertEquals("data would be 1073741825 bytes; the limit is 1073741824 (1 GiB)", rejection("\"a\"*1073741825"));
        assertEquals("data would be 3000000000 bytes; the limit is 1073741824 (1 GiB)", rejection("1000000*'abc'*1000"));
    }

    @Test
    void repeatCountsThatOverflowAreRefused() {
        assertEquals("repeat count too large in \"abc\"*4611686018427387904", rejection("\"abc\"*4611686018427387904"));
        assertEquals("repeat count too large in \"a\"*9223372036854775807*2", rejection("\"a\"*9223372036854775807*2"));
        assertEquals("repeat count too large in \"a\"*99999999999999999999", rejection("\"a\"*99999999999999999999"));
        assertEquals("repeat count too large in 4611686018427387904*\"abcd\"", rejection("4611686018427387904*\"abcd\""));
        assertEquals("repeat count too large in \"a\"*99999999999*99999999999", rejection("\"a\"*99999999999*99999999999"));
    }

    @Test
    void repeatCountMustBeAsciiDigits() {
        assertEquals("expected a repeat count after '*' in \"a\"*\u0663", rejection("\"a\"*\u0663"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "\"abc             | unterminated string starting at column 1: \"abc",
        "b'abc             | unterminated string starting at column 2: b'abc",
        "\"abc\\\"         | unterminated string starting at column 1: \"abc\\\"",
        "\"abc\\           | unterminated string: \"abc\\",
        "\"\\x4\"          | truncated \\xHH escape",
        "\"\\x\"           | truncated \\xHH escape",
        "\"\\x4            | truncated \\xHH escape",
        "\"\\xg0\"         | truncated \\xHH escape",
        "\"\\xZZ\"         | truncated \\xHH escape",
        "\"\\x\u0663\u0663\" | truncated \\xHH escape",
        "\"\\u12\"         | truncated \\uXXXX escape",
        "\"\\U0001F60\"    | truncated \\UXXXXXXXX escape",
        "\"abc\"x          | unexpected 'x' at column 6 of \"abc\"x",
        "\"abc\"*          | expected a repeat count after '*' in \"abc\"*",
        "+\"abc\"          | expected data at column 1 of +\"abc\"",
        "\"abc\"+          | expected data at column 7 of \"abc\"+",
        "12*               | expected data at column 4 of 12*",
    })
    void malformedLiteralsAreRejectedWithOneLineSayingWhy(String source, String message) {
        assertEquals(message, rejection(source.strip()));
    }

    @Test
    void emptyArgumentSaysHowToWriteNoBytes() {
        assertEquals("empty data (write \"\" for no bytes)", rejection(""));
    }

    @Test
    void controlCharactersInTheSourceDoNotBreakTheMessageLine() {
        assertEquals("unexpected '\\x0a' at column 4 of \"a\"\\x0ab", rejection("\"a\"\nb"));
        assertEquals("expected a repeat count after '*' in a\\x00*\\x0d", rejection("a\0*\r"));
    }

    /** Nothing repeated is nothing, however large the count: it is not refused as too large. */
    @Test
    void anEmptyStringOrNoRepeatsIsNoBytes() throws Exception {
        assertEquals(PyBytes.EMPTY, DataLiteral.parse("\"\""));
        assertEquals(PyBytes.EMPTY, DataLiteral.parse("b''*5"));
        assertEquals(PyBytes.EMPTY, DataLiteral.parse("\"\"*99999999999"));
        assertEquals(PyBytes.EMPTY, DataLiteral.parse("0*\"abc\""));
        assertEquals(PyBytes.EMPTY, DataLiteral.parse("\"abc\"*0*99999999999"));
    }
}
