package io.sockshell.diagram;

import io.sockshell.conversation.Conversation;
import io.sockshell.conversation.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Draws a conversation in one of the formats: the one entry point the commands use. */
public final class Diagrams {
    /** The formats a diagram can be drawn in. */
    public enum Format {
        TEXT, MERMAID, SVG, HTML;

        /** The format named {@code text}, {@code mermaid}, {@code svg} or {@code html}. */
        public static Format named(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("format must be text, mermaid, svg or html, not '" + name + "'");
            }
        }

        /** The usual file name ending: {@code .txt}, {@code .mmd}, {@code .svg}, {@code .html}. */
        public String extension() {
            return switch (this) {
                case TEXT -> ".txt";
                case MERMAID -> ".mmd";
                case SVG -> ".svg";
                case HTML -> ".html";
            };
        }
    }

    /**
     * How to draw.
     *
     * @param format      the format
     * @param ascii       text only: plain ASCII instead of box drawing
     * @param width       text only: the most columns the diagram may take
     * @param stablePorts ports named PORT, EPH1, ... so that every run draws the same picture
     * @param title       the SVG's and the page's title
     * @param links       SVG only: the link for a source line, or null for none
     * @param listings    HTML only: the texts shown beside the diagram
     */
    public record Settings(Format format, boolean ascii, int width, boolean stablePorts, String title,
            Function<Source, String> links, List<HtmlPage.Listing> listings) {
    }

    private Diagrams() {
    }

    /** Writes a drawn diagram to {@code file}; a failure's message says why in words. */
    public static void write(Path file, String drawn) throws IOException {
        try {
            Files.writeString(file, drawn, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("no such folder: " + (file.toAbsolutePath().getParent()), e);
        } catch (AccessDeniedException e) {
            throw new IOException("permission denied", e);
        }
    }

    public static String draw(Conversation conversation, Settings settings) {
        Scene scene = Scene.of(conversation, settings.stablePorts());
        return switch (settings.format()) {
            case TEXT -> (settings.ascii() ? TextDiagram.ascii(settings.width()) : TextDiagram.unicode(settings.width()))
                    .draw(scene);
            case MERMAID -> new MermaidDiagram().draw(scene);
            case SVG -> new SvgDiagram(settings.title(), settings.links()).draw(scene);
            case HTML -> HtmlPage.draw(scene, settings.title(), settings.listings());
        };
    }
}
