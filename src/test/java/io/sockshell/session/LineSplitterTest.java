package io.sockshell.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LineSplitterTest {

    private static LineSplitter.Split split(String line) throws LineSplitter.UnbalancedQuote {
        return LineSplitter.split(line);
    }

    @Test
    void wordsAreSeparatedByAnyWhitespace() throws Exception {
        assertEquals(List.of("bind", "s", "0"), split("  bind\ts   0 ").words());
    }

    @Test
    void blankLinesAndCommentLinesHaveNoWords() throws Exception {
        assertTrue(split("").isEmpty());
        assertTrue(split("   \t").isEmpty());
        assertTrue(split("# the server side").isEmpty());
        assertTrue(split("   # indented comment").isEmpty());
    }

    @Test
    void quotesKeepSpacesAndStayInTheWord() throws Exception {
        assertEquals(List.of("send", "c", "\"GET / HTTP/1.0\\r\\n\""), split("send c \"GET / HTTP/1.0\\r\\n\"").words());
        assertEquals(List.of("send", "c", "'a b'"), split("send c 'a b'").words());
        assertEquals(List.of("bind", "s", "\"\"", "0"), split("bind s \"\" 0").words());
    }

    @Test
    void quotesInsideAWordJoinIt() throws Exception {
        assertEquals(List.of("send", "c", "b'a b'*2+\"c d\""), split("send c b'a b'*2+\"c d\"").words());
    }

    @Test
    void otherQuoteAndEscapedQuoteDoNotEndAQuotedPart() throws Exception {
        assertEquals(List.of("\"it's\""), split("\"it's\"").words());
        assertEquals(List.of("'it\\'s here'"), split("'it\\'s here'").words());
        assertEquals(List.of("\"say \\\"hi\\\"\""), split("\"say \\\"hi\\\"\"").words());
    }

    @Test
    void hashStartsACommentOnlyBetweenWords() throws Exception {
        assertEquals(List.of("send", "c", "x"), split("send c x # say x").words());
        assertEquals(List.of("send", "c", "a#b"), split("send c a#b").words());
        assertEquals(List.of("send", "c", "\"# not a comment\""), split("send c \"# not a comment\"").words());
    }

    @Test
    void unterminatedQuoteSaysWhichAndWhere() {
        LineSplitter.UnbalancedQuote doubleQuote = assertThrows(LineSplitter.UnbalancedQuote.class,
                () -> split("send c \"abc"));
        assertEquals("unterminated double quote starting at column 8", doubleQuote.getMessage());
        LineSplitter.UnbalancedQuote singleQuote = assertThrows(LineSplitter.UnbalancedQuote.class,
                () -> split("send c b'abc"));
        assertEquals("unterminated single quote starting at column 9", singleQuote.getMessage());
        assertThrows(LineSplitter.UnbalancedQuote.class, () -> split("send c \"abc\\\""));
    }

    @Test
    void trailingAmpersandAsksForTheBackground() throws Exception {
        LineSplitter.Split separate = split("recv c 1000000 &");
        assertTrue(separate.background());
        assertEquals(List.of("recv", "c", "1000000"), separate.words());
        LineSplitter.Split attached = split("recv c 1000000&");
        assertTrue(attached.background());
        assertEquals(List.of("recv", "c", "1000000"), attached.words());
        LineSplitter.Split afterQuote = split("send c \"x\"&");
        assertTrue(afterQuote.background());
        assertEquals(List.of("send", "c", "\"x\""), afterQuote.words());
    }

    @Test
    void ampersandFollowedByACommentStillAsksForTheBackground() throws Exception {
        LineSplitter.Split split = split("accept s conn & # wait for the client");
        assertTrue(split.background());
        assertEquals(List.of("accept", "s", "conn"), split.words());
    }

    @Test
    void ampersandThatIsDataDoesNotAskForTheBackground() throws Exception {
        LineSplitter.Split quoted = split("send c \"a &\"");
        assertFalse(quoted.background());
        assertEquals(List.of("send", "c", "\"a &\""), quoted.words());
        LineSplitter.Split escaped = split("send c a\\&");
        assertFalse(escaped.background());
        assertFalse(split("send c & x").background());
        assertEquals(List.of("send", "c", "&", "x"), split("send c & x").words());
    }

    @Test
    void hugeLinesSplit() throws LineSplitter.UnbalancedQuote {
        String word = "w".repeat(1 << 20);
        assertEquals(List.of("send", "s", word), LineSplitter.split("send s " + word).words());
        String quoted = "\"" + "a b\\\"".repeat(200_000) + "\"";
        assertEquals(List.of("send", quoted), LineSplitter.split("send " + quoted).words());
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            many.add("w" + i);
        }
        assertEquals(many, LineSplitter.split(String.join(" ", many)).words());
    }
}
