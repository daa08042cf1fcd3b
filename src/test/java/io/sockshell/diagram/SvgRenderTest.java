package io.sockshell.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.conversation.Conversation;
import io.sockshell.conversation.Source;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The SVG drawn by a real renderer, Apache Batik: the image has the size the SVG declares, and
 * every label was drawn (the box where each text goes holds pixels of another colour than the
 * background), so a diagram that parses but draws nothing, or draws its text off the picture,
 * fails.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SvgRenderTest {
    @Test
    void theEchoPairRendersWithEveryLabelDrawn() throws Exception {
        rendersWithTextDrawn(svg(RecordedRuns.session(RecordedRuns.ECHO_PAIR)), 12);
    }

    @Test
    void aFoldedLongSessionRenders() throws Exception {
        String svg = svg(FoldingTest.generated(10_000));
        assertTrue(svg.contains("loop 10000 x"), svg);
        rendersWithTextDrawn(svg, 4);
    }

    @Test
    void hostileTextStaysText() throws Exception {
        String svg = svg(Hostile.conversation());
        Document document = parse(svg);
        assertEquals(0, document.getElementsByTagName("script").getLength(), "peer data became a script element");
        for (char c : svg.toCharArray()) {
            assertFalse(c < 0x20 && c != '\n' || c == 0x7f, "control character " + (int) c + " in the SVG");
        }
        assertTrue(svg.contains("&lt;/text&gt;&lt;script&gt;"), "the markup is shown as text");
        rendersWithTextDrawn(svg, 8);
        String html = HtmlPage.draw(Scene.of(Hostile.conversation(), true), Hostile.TEXT,
                List.of(new HtmlPage.Listing(Hostile.TEXT, List.of(Hostile.TEXT, "line two"))));
        assertFalse(html.contains("<script"), "peer data became a script element in the page");
        assertFalse(html.contains("\u001b") || html.contains("\u2028"), "a control character reached the page");
        assertTrue(html.contains("<title>&lt;/text&gt;&lt;script&gt;"), "the title is shown as text");
    }

    @Test
    void anEmptyConversationRenders() throws Exception {
        rendersWithTextDrawn(svg(Conversation.empty()), 1);
    }

    @Test
    void linesLinkBackToTheirSource() throws Exception {
        Document document = parse(svg(Hostile.conversation()));
        NodeList links = document.getElementsByTagName("a");
        assertTrue(links.getLength() > 0, "no line number links back");
        String href = ((Element) links.item(0)).getAttribute("href");
        assertTrue(href.startsWith("source:") && href.endsWith("#L7"), href);
    }

    private static String svg(Conversation conversation) {
        return new SvgDiagram("a test", (Source source) -> "source:" + source.file() + "#L" + source.line())
                .draw(Scene.of(conversation, true));
    }

    /** Renders the SVG and checks the image's size and that each of its texts left pixels where it belongs. */
    static void rendersWithTextDrawn(String svg, int leastTexts) throws Exception {
        Document document = parse(svg);
        Element root = document.getDocumentElement();
        int width = (int) Math.ceil(Double.parseDouble(root.getAttribute("width")));
        int height = (int) Math.ceil(Double.parseDouble(root.getAttribute("height")));
        BufferedImage image = SvgRaster.render(svg);
        assertEquals(width, image.getWidth(), "rendered width");
        assertEquals(height, image.getHeight(), "rendered height");
        int background = image.getRGB(1, 1);
        NodeList texts = document.getElementsByTagName("text");
        List<String> blank = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i < texts.getLength(); i++) {
            Element text = (Element) texts.item(i);
            String content = text.getTextContent();
            if (content.isBlank()) {
                continue;
            }
            double x = Double.parseDouble(text.getAttribute("x"));
            double y = Double.parseDouble(text.getAttribute("y"));
            double length = content.length() * SvgDiagram.CELL;
            String anchor = text.getAttribute("text-anchor");
            double left = anchor.equals("middle") ? x - length / 2 : anchor.equals("end") ? x - length : x;
            if (!inked(image, left, y - 11, left + length, y + 3, background)) {
                blank.add(content);
            }
            checked++;
        }
        assertTrue(checked >= leastTexts, "only " + checked + " texts in the SVG");
        assertEquals(List.of(), blank, "texts with nothing drawn where they belong");
    }

    private static boolean inked(BufferedImage image, double x0, double y0, double x1, double y1, int background) {
        int inked = 0;
        for (int y = (int) Math.max(0, y0); y < Math.min(image.getHeight(), y1); y++) {
            for (int x = (int) Math.max(0, x0); x < Math.min(image.getWidth(), x1); x++) {
                if (differs(image.getRGB(x, y), background)) {
                    inked++;
                }
            }
        }
        return inked >= 3;
    }

    private static boolean differs(int pixel, int background) {
        int distance = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            distance += Math.abs(((pixel >> shift) & 0xff) - ((background >> shift) & 0xff));
        }
        return distance > 120;
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
