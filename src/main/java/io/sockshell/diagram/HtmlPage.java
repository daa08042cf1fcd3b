package io.sockshell.diagram;

import io.sockshell.conversation.Source;
import java.util.List;

/**
 * A page with the diagram beside the text it was drawn from: the transcript, the scripts, or
 * the commands typed in the shell, each line numbered and each numbered line a target, so that
 * a line number in the diagram's margin jumps to its line. Self-contained: no scripts and
 * nothing fetched.
 */
public final class HtmlPage {
    /** A text the diagram was drawn from: a file's lines, or (with no file) the commands of a session. */
    public record Listing(String file, List<String> lines) {
    }

    private static final String STYLE = String.join("\n",
            ":root{color-scheme:light dark}",
            "body{margin:1rem;font-family:system-ui,sans-serif;background:#ffffff;color:#1f2328}",
            "h1{font-size:1.2rem;margin:0 0 .8rem}",
            "h2{font-size:1rem;margin:.8rem 0 .3rem}",
            ".pair{display:flex;gap:1.5rem;align-items:flex-start}",
            ".diagram{flex:3 1 0;overflow:auto;position:sticky;top:0;max-height:calc(100vh - 2rem)}",
            ".diagram svg{max-width:100%;height:auto}",
            ".text{flex:2 1 0;overflow:auto}",
            "pre{margin:0;font:12px/1.45 'DejaVu Sans Mono',Menlo,Consolas,monospace}",
            "pre span{display:block;white-space:pre}",
            "pre span:target{background:#fff8c5}",
            ".n{display:inline-block;width:3.5em;color:#8c959f;text-align:right;margin-right:1em;user-select:none}",
            "@media (prefers-color-scheme: dark){body{background:#0d1117;color:#e6edf3}pre span:target{background:#2e2a1a}}",
            "@media (max-width:900px){.pair{flex-direction:column}.diagram{position:static;max-height:none}}");

    private HtmlPage() {
    }

    /** The page's anchor for a source line: {@code L12}, or {@code tms.jsh-L12} for a file among several. */
    public static String anchor(Source source) {
        String file = source.file() == null ? "" : source.file().replaceAll("^.*/", "").replaceAll("[^A-Za-z0-9._-]", "_") + "-";
        return file + "L" + source.line();
    }

    public static String draw(Scene scene, String title, List<Listing> listings) {
        StringBuilder page = new StringBuilder(8192);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Escape.xml(title)).append("</title>\n<style>\n").append(STYLE).append("\n</style>\n</head>\n<body>\n");
        page.append("<h1>").append(Escape.xml(title)).append("</h1>\n<div class=\"pair\">\n<div class=\"diagram\">\n");
        page.append(new SvgDiagram(title, source -> "#" + anchor(source)).draw(scene));
        page.append("</div>\n<div class=\"text\">\n");
        for (Listing listing : listings) {
            page.append("<h2>").append(Escape.xml(listing.file() == null ? "commands" : listing.file())).append("</h2>\n<pre>");
            List<String> lines = listing.lines();
            for (int i = 0; i < lines.size(); i++) {
                String id = anchor(new Source(listing.file(), i + 1));
                page.append("<span id=\"").append(Escape.xml(id)).append("\"><a class=\"n\" href=\"#").append(Escape.xml(id))
                        .append("\">").append(i + 1).append("</a>").append(Escape.xml(lines.get(i))).append("</span>");
            }
            page.append("</pre>\n");
        }
        page.append("</div>\n</div>\n</body>\n</html>\n");
        return page.toString();
    }
}
